/**
 * One handler per tablet RPC: {@link io.cesiumdb.tablet.handlers.ReadHandler}, {@link
 * io.cesiumdb.tablet.handlers.ScanHandler}, {@link io.cesiumdb.tablet.handlers.WriteHandler},
 * {@link io.cesiumdb.tablet.handlers.StatusHandler}, {@link
 * io.cesiumdb.tablet.handlers.CreateReplicaHandler}, {@link
 * io.cesiumdb.tablet.handlers.RemoveReplicaHandler}, {@link
 * io.cesiumdb.tablet.handlers.CommitTxnHandler}, {@link
 * io.cesiumdb.tablet.handlers.AbortTxnHandler}, {@link io.cesiumdb.tablet.handlers.TouchTxnHandler}
 * (reads inside a txn: {@code TxnReads}); two-phase commit: {@link
 * io.cesiumdb.tablet.handlers.PrepareTxnHandler}, {@link
 * io.cesiumdb.tablet.handlers.ResolveTxnHandler} (participant), {@link
 * io.cesiumdb.tablet.handlers.TxnStatusHandler}, {@link
 * io.cesiumdb.tablet.handlers.ForgetTxnDecisionsHandler} (coordinator's decision records);
 * placement: split, change replicas, transfer leader. Assembled by {@link
 * io.cesiumdb.tablet.handlers.TabletHandlers}.
 *
 * <p>A handler validates its request, finds the replica (TABLET_NOT_FOUND), checks keys against the
 * tablet range (TABLET_MOVED), and calls {@code TabletReplica} or {@code ReplicaHost}; it returns a
 * future of the response and never throws or blocks. Transactional handlers go through {@code
 * io.cesiumdb.tablet.txn.TxnManager} (lock table of the leader).
 *
 * <p>Neighbours: called by {@code io.cesiumdb.tablet.rpc}; calls {@code
 * io.cesiumdb.tablet.replication} and {@code io.cesiumdb.tablet.txn}. Errors are {@code
 * CesiumException}s; turning them into wire errors is the rpc package's job.
 */
package io.cesiumdb.tablet.handlers;
