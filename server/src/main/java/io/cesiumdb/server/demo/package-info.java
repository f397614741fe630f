/**
 * In-process clusters: {@link io.cesiumdb.server.demo.LocalCluster} runs several nodes in one JVM,
 * each with a simulated TrueTime, its own data directory and real loopback ports, and can halt and
 * restart nodes, stop them for good, add nodes that join later and cut links ({@link
 * io.cesiumdb.server.demo.LocalClusterBuilder} sets node count, PD members, PD config and heartbeat
 * interval, admin password); {@link io.cesiumdb.server.demo.LocalCluster#bootstrapAdmin} creates
 * user {@code cesium} when the cluster has none; {@link io.cesiumdb.server.demo.ClusterReport}
 * renders its clocks.
 *
 * <p>Neighbours: {@code io.cesiumdb.server.cli.DemoCommand} runs it for people; the {@code tests}
 * module starts it for every in-process integration test. Invariants: ports are fixed at creation
 * so a restarted node keeps its addresses; clocks start honest (every offset within ε) and only an
 * explicit fault (the {@code skew} command, a test) makes one lie.
 */
package io.cesiumdb.server.demo;
