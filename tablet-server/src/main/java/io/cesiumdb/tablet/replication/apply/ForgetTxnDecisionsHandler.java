package io.cesiumdb.tablet.replication.apply;

import io.cesiumdb.proto.tablet.TabletCommand;
import io.cesiumdb.tablet.replication.TxnDecisions;
import io.cesiumdb.tablet.storage.MvccWriteBatch;

/**
 * {@code ForgetTxnDecisions} (at the tablet that recorded the decisions): removes, in this entry's
 * batch, the decision records of the listed transactions; ids without a record are skipped. Every
 * replica removes the same records at the same log position. The proposer sends only transactions
 * whose every participant acknowledged the outcome, so no {@code TxnStatus} will ask about them
 * again.
 */
public final class ForgetTxnDecisionsHandler implements CommandHandler {
  @Override
  public ApplyOutcome apply(TabletCommand command, ApplyContext context, MvccWriteBatch batch) {
    for (String txnId : command.getForgetTxnDecisions().getTxnIdsList()) {
      TxnDecisions.forget(batch, context.tabletId(), txnId);
    }
    return ApplyOutcome.applied(context.appliedMaxTs());
  }
}
