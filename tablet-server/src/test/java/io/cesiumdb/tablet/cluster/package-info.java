/**
 * The in-process cluster fixture later issues build on: {@link
 * io.cesiumdb.tablet.cluster.TestCluster} starts N {@link io.cesiumdb.tablet.cluster.TestNode}s on
 * loopback (each a {@code TabletServer} with its own simulated TrueTime and gRPC server), shares
 * one {@code FaultPlan} between their Ratis interceptors, creates tablets, finds leaders, halts and
 * restarts nodes. {@link io.cesiumdb.tablet.cluster.TabletClient} routes by NOT_LEADER hints,
 * {@link io.cesiumdb.tablet.cluster.Poll} waits for conditions with deadlines (no sleeps as
 * synchronisation), {@link io.cesiumdb.tablet.cluster.Census} measures threads and memory.
 *
 * <p>NB: lives in this module's test sources; move it to a testkit module when a second module
 * needs it (style.md "A testkit module").
 */
package io.cesiumdb.tablet.cluster;
