/**
 * A node: the unit that runs on one machine (or one process in tests) and owns one data directory,
 * one TrueTime and one node RPC port.
 *
 * <p>A node may also run a placement-driver member and, whenever it knows PD peers or join
 * addresses, a PD agent that joins the PD leader and heartbeats its hosted tablets (leadership,
 * size, descriptor) and its data directory's size. {@link io.cesiumdb.server.node.AdminBootstrap}
 * creates the first user ({@code cesium}) of a new cluster through the PD, with a password the
 * bootstrapping process knows ({@link io.cesiumdb.server.node.AdminCredentials}).
 *
 * <p>Neighbours: {@code io.cesiumdb.server.rpc} serves and calls the node RPC and the placement
 * service; {@code io.cesiumdb.truetime} supplies the clock and the offset monitor; {@code
 * io.cesiumdb.server.demo} and the {@code tests} module start several nodes in one JVM.
 *
 * <p>Invariants: a node's clock is chosen by the composition root (simulated for demos and tests,
 * the system clock in production) and never changes while it runs; only a node with a simulated
 * clock accepts clock faults.
 */
package io.cesiumdb.server.node;
