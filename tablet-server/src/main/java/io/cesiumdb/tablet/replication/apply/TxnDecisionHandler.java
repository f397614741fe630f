package io.cesiumdb.tablet.replication.apply;

import io.cesiumdb.proto.tablet.TabletCommand;
import io.cesiumdb.proto.tablet.TxnDecision;
import io.cesiumdb.proto.tablet.TxnOutcome;
import io.cesiumdb.tablet.replication.TxnDecisions;
import io.cesiumdb.tablet.storage.MvccWriteBatch;
import java.util.Optional;

/**
 * {@code TxnDecision} (the coordinator of a 2PC, or the only tablet of a single-tablet commit,
 * which lists no participants): the first decision of a transaction is recorded ({@link
 * TxnDecisions}); COMMITTED also writes the coordinator tablet's own writes at the commit
 * timestamp, which raises the applied max timestamp, so commit wait holds the entry until {@code
 * TT.after(commit_ts)} before anyone sees it. A later decision of the same transaction is refused
 * (TXN_ABORTED at the proposer, whatever the recorded one is): a recovery's or a client's settling
 * ABORTED and a late commit race in log order, and the first one wins on every replica. A
 * single-tablet commit is never appended twice (at most once), so only a 2PC decision meets its own
 * record, and its client settles every failure through {@code TxnStatus}.
 */
public final class TxnDecisionHandler implements CommandHandler {
  @Override
  public ApplyOutcome apply(TabletCommand command, ApplyContext context, MvccWriteBatch batch) {
    TxnDecision decision = command.getTxnDecision();
    Optional<TxnDecision> earlier =
        TxnDecisions.read(context.store(), context.tabletId(), decision.getTxnId());
    if (earlier.isPresent()) {
      return ApplyOutcome.txnRefused(
          context.appliedMaxTs(),
          "txn " + decision.getTxnId() + " already " + earlier.get().getOutcome());
    }
    if (decision.getOutcome() != TxnOutcome.COMMITTED) {
      TxnDecisions.write(batch, context.tabletId(), decision);
      return ApplyOutcome.applied(context.appliedMaxTs());
    }
    if (!Mutations.inRange(context, decision.getMutationsList())) {
      return ApplyOutcome.refused(context.appliedMaxTs(), ApplyWritesHandler.OUT_OF_RANGE);
    }
    long ts = decision.getCommitTs();
    if (ts <= context.appliedMaxTs()) {
      context.timestampRegression().accept(ts);
    }
    Mutations.write(batch, context.keyspace(), decision.getMutationsList(), ts);
    TxnDecisions.write(batch, context.tabletId(), decision);
    return ApplyOutcome.applied(Math.max(context.appliedMaxTs(), ts));
  }
}
