/**
 * Small concurrency pieces that more than one Raft user needs: {@link
 * io.cesiumdb.common.concurrent.LeaderReadiness} (requests that reach a leader before it is ready
 * wait instead of failing), {@link io.cesiumdb.common.concurrent.NamedThreads} and {@link
 * io.cesiumdb.common.concurrent.AsyncDefaults} (async stages on a pool, not a thread each, on
 * 2-core machines; called first in {@code main}). JDK only.
 *
 * <p>Neighbours: tablet-server's replication package (one per tablet group) and the placement
 * driver's service package (its own group) use them. Invariant: no Ratis types here, so {@code
 * common} stays JDK-only.
 */
package io.cesiumdb.common.concurrent;
