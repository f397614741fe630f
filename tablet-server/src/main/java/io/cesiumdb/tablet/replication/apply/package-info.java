/**
 * How each replicated {@code TabletCommand} changes a replica: one {@link
 * io.cesiumdb.tablet.replication.apply.CommandHandler} per command case, routed by {@link
 * io.cesiumdb.tablet.replication.apply.CommandDispatcher}: writes ({@link
 * io.cesiumdb.tablet.replication.apply.ApplyWritesHandler}), splits, timestamp leases, two-phase
 * commit (prepare, decision, resolve, and forgetting decision records nobody will ask about) and
 * multi-version GC, each added without touching the state machine.
 *
 * <p>Neighbours: called by {@code TabletStateMachine.applyTransaction} on the group's apply thread
 * with a fresh {@code MvccWriteBatch}; the state machine adds the applied index and applies the
 * batch. Handlers see only the command, an {@link
 * io.cesiumdb.tablet.replication.apply.ApplyContext} and the batch.
 *
 * <p>Invariants: deterministic (same log, same store state on every replica); no I/O other than
 * filling the batch; a handler throws only for a corrupt or unknown entry, which stops the replica
 * instead of silently diverging.
 */
package io.cesiumdb.tablet.replication.apply;
