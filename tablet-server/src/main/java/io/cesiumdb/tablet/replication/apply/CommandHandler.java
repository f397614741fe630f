package io.cesiumdb.tablet.replication.apply;

import io.cesiumdb.proto.tablet.TabletCommand;
import io.cesiumdb.tablet.storage.MvccWriteBatch;

/**
 * Applies one kind of {@link TabletCommand} on every replica, in log order, on the group's apply
 * thread. A handler only adds mutations to {@code batch}; the state machine adds the applied index
 * and applies the batch atomically.
 *
 * <p>Rules: deterministic (no clock, no randomness, no local state other than the store and the
 * context); never blocks on other replicas; throws only for a bug or a corrupt entry, which stops
 * the replica (Ratis closes the division and it recovers from its log).
 */
@FunctionalInterface
public interface CommandHandler {
  /** Adds the command's effects to {@code batch}; returns what else the entry did. */
  ApplyOutcome apply(TabletCommand command, ApplyContext context, MvccWriteBatch batch);
}
