package io.cesiumdb.tablet.replication.apply;

import io.cesiumdb.proto.tablet.TabletCommand;
import io.cesiumdb.tablet.storage.MvccWriteBatch;

/**
 * {@code TimestampLease}: records that the leader may use timestamps up to {@code upto}
 * (docs/design/transactions.md §2). No data and no effect on safe time: a lease says which
 * timestamps a leader may still use, not which writes are applied. The state machine keeps the
 * highest bound, in the entry's batch. A bound that is not positive is a corrupt entry and is
 * skipped the same way on every replica.
 */
public final class TimestampLeaseHandler implements CommandHandler {
  @Override
  public ApplyOutcome apply(TabletCommand command, ApplyContext context, MvccWriteBatch batch) {
    long upto = command.getTimestampLease().getUpto();
    return upto > 0
        ? ApplyOutcome.lease(context.appliedMaxTs(), upto)
        : ApplyOutcome.applied(context.appliedMaxTs());
  }
}
