package io.cesiumdb.tablet.replication.apply;

import io.cesiumdb.proto.tablet.PrepareTxn;
import io.cesiumdb.proto.tablet.TabletCommand;
import io.cesiumdb.tablet.storage.MvccWriteBatch;

/**
 * {@code PrepareTxn} (participant side of 2PC): records the prepared transaction and its writes in
 * the replica's {@link io.cesiumdb.tablet.replication.PreparedTxns}; nothing becomes visible. The
 * applied max timestamp does not move: the writes will appear at the commit timestamp, and until
 * then the prepare holds the safe time below {@code prepare_ts}.
 *
 * <p>Refused whole (TABLET_MOVED at the proposer) when a key left the range at a split ahead of it
 * in the log. A second prepare of the same transaction is a no-op (the first record stands).
 */
public final class PrepareTxnHandler implements CommandHandler {
  @Override
  public ApplyOutcome apply(TabletCommand command, ApplyContext context, MvccWriteBatch batch) {
    PrepareTxn prepare = command.getPrepareTxn();
    if (!Mutations.inRange(context, prepare.getMutationsList())) {
      return ApplyOutcome.refused(context.appliedMaxTs(), ApplyWritesHandler.OUT_OF_RANGE);
    }
    if (context.prepared().stagedOrVisible(prepare.getTxnId()).isPresent()) {
      return ApplyOutcome.applied(context.appliedMaxTs());
    }
    if (prepare.getPrepareTs() <= context.appliedMaxTs()) {
      context.timestampRegression().accept(prepare.getPrepareTs());
    }
    context.prepared().stageAdd(prepare, batch);
    return ApplyOutcome.applied(context.appliedMaxTs());
  }
}
