package io.cesiumdb.txn.rw;

import io.cesiumdb.common.error.AbortReason;
import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.proto.tablet.CommitTxnResponse;
import io.cesiumdb.proto.tablet.TxnOutcome;
import io.cesiumdb.proto.tablet.TxnStatusResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Stage 4: the coordinator tablet decides. It locks its own keys, picks {@code s >=} every prepare
 * timestamp (and {@code >=} the clock reading taken once every lock was held, above anything it
 * assigned), logs the decision with its writes, and answers after commit wait. One writing tablet:
 * a plain single-tablet commit (its leader reads its own clock).
 *
 * <p>Both log the transaction's decision at the coordinator tablet, and the record there settles a
 * failed request: {@code TxnStatus} with abort-if-unknown answers COMMITTED (the decision was
 * logged after all: carry on) or ABORTED (nothing was applied: abort the participants, retryable).
 * A two-phase decision is settled after any failure (a re-sent decision that meets its own record
 * is refused); a single-tablet commit only after one that may have been applied (it is never
 * re-sent after delivery, so any other failure is the leader's refusal). Only when {@code
 * TxnStatus} cannot be asked either is the outcome unknown (TXN-7); two-phase participants then
 * stay prepared until their recovery asks the same question.
 */
final class ChooseTimestamp implements CommitStage {
  @Override
  public void run(CommitContext c) {
    if (c.plan.isEmpty()) {
      c.commitTs = c.readFrom.lastReadTs();
      return;
    }
    try {
      c.commitTs = TxnErrors.await(decide(c)).getCommitTs();
    } catch (CesiumException e) {
      if (!c.isTwoPhase() && !TxnErrors.outcomeUnknown(e)) {
        Aborts.everywhere(c);
        throw e;
      }
      settle(c, e);
    }
  }

  private static CompletableFuture<CommitTxnResponse> decide(CommitContext c) {
    CommitPlan.TabletWrites w = c.coordinator;
    long readTerm = c.readFrom.readTermOf(w.tabletId());
    if (!c.isTwoPhase()) {
      return c.router.commitTxn(w.keyspace(), w.tabletId(), c.txn, w.mutations(), readTerm);
    }
    long minTs = c.prepareTs.values().stream().mapToLong(Long::longValue).max().orElse(0);
    List<Long> ids = c.participants.stream().map(CommitPlan.TabletWrites::tabletId).toList();
    return c.router.commitTxnAsCoordinator(
        w.keyspace(), w.tabletId(), c.txn, w.mutations(), readTerm, ids, minTs, c.lockedTs);
  }

  private static void settle(CommitContext c, CesiumException e) {
    TxnStatusResponse status;
    try {
      CommitPlan.TabletWrites w = c.coordinator;
      status = TxnErrors.await(c.router.txnStatus(w.keyspace(), w.recordKey(), c.txnId(), true));
    } catch (CesiumException unreachable) {
      Participants.release(c.router, c.txnId(), c.readOnlyTablets());
      throw TxnErrors.unknownOutcome(c.txnId(), e);
    }
    if (status.getOutcome() == TxnOutcome.COMMITTED) {
      c.commitTs = status.getCommitTs();
      return;
    }
    Aborts.everywhere(c);
    AbortReason why =
        c.isTwoPhase() ? AbortReason.COORDINATOR_TIMEOUT : AbortReason.COMMIT_UNCONFIRMED;
    throw Aborts.asAbort(c, e, why);
  }
}
