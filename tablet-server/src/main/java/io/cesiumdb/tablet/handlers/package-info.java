/**
 * One handler per tablet RPC: {@link io.cesiumdb.tablet.handlers.ReadHandler}, {@link
 * io.cesiumdb.tablet.handlers.ScanHandler}, {@link io.cesiumdb.tablet.handlers.WriteHandler},
 * {@link io.cesiumdb.tablet.handlers.StatusHandler}, {@link
 * io.cesiumdb.tablet.handlers.CreateReplicaHandler}, {@link
 * io.cesiumdb.tablet.handlers.RemoveReplicaHandler}, assembled by {@link
 * io.cesiumdb.tablet.handlers.TabletHandlers}.
 *
 * <p>A handler validates its request, finds the replica (TABLET_NOT_FOUND), checks keys against the
 * tablet range (TABLET_MOVED), and calls {@code TabletReplica} or {@code ReplicaHost}; it returns a
 * future of the response and never throws or blocks. Issue 5 adds Prepare, Commit, Abort and
 * lock-taking reads as further handlers.
 *
 * <p>Neighbours: called by {@code io.cesiumdb.tablet.rpc}; calls {@code
 * io.cesiumdb.tablet.replication}. Errors are {@code CesiumException}s; turning them into wire
 * errors is the rpc package's job.
 */
package io.cesiumdb.tablet.handlers;
