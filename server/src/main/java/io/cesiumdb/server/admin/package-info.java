/**
 * The admin view of a running cluster, as {@code cesium status} prints it: {@link
 * io.cesiumdb.server.admin.ClusterStatusReader} asks the placement driver (found from any node's
 * RPC address) for its leader, node registry and tablet directory and builds a {@link
 * io.cesiumdb.server.admin.ClusterStatus}; {@link io.cesiumdb.server.admin.StatusTable} renders it.
 *
 * <p>Neighbours: {@code io.cesiumdb.server.rpc.PdClient} carries the calls; {@code
 * io.cesiumdb.server.cli.StatusCommand} is the command. Invariants: read-only (never changes the
 * cluster); tablet and leader counts come from the directory, not from the nodes' own reports;
 * liveness uses the placement driver's default {@code LivenessPolicy} on the heartbeat age as seen
 * from this process's clock.
 */
package io.cesiumdb.server.admin;
