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
 * <p>If a two-phase decision request fails in any way, the coordinator's record settles it: {@code
 * TxnStatus} with abort-if-unknown answers COMMITTED (the decision was logged after all: carry on)
 * or ABORTED (abort the participants). Only when that cannot be asked either is the outcome
 * unknown; the participants then stay prepared until their recovery asks the same question.
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
      if (c.isTwoPhase()) {
        settle(c, e);
      } else {
        failSingle(c, e);
      }
    }
  }

  private static CompletableFuture<CommitTxnResponse> decide(CommitContext c) {
    CommitPlan.TabletWrites w = c.coordinator;
    long readTerm = c.readFrom.readTermOf(w.tabletId());
    if (!c.isTwoPhase()) {
      return c.router.commitTxn(w.keyspace(), c.txn, w.mutations(), readTerm);
    }
    long minTs = c.prepareTs.values().stream().mapToLong(Long::longValue).max().orElse(0);
    List<Long> ids = c.participants.stream().map(CommitPlan.TabletWrites::tabletId).toList();
    return c.router.commitTxnAsCoordinator(
        w.keyspace(), c.txn, w.mutations(), readTerm, ids, minTs, c.lockedTs);
  }

  private static void failSingle(CommitContext c, CesiumException e) {
    if (TxnErrors.outcomeUnknown(e)) {
      Participants.release(c.router, c.txnId(), c.readOnlyTablets()); // not re-sent, not aborted
      throw TxnErrors.unknownOutcome(c.txnId(), e);
    }
    Aborts.everywhere(c);
    throw e;
  }

  private static void settle(CommitContext c, CesiumException e) {
    TxnStatusResponse status;
    try {
      CommitPlan.TabletWrites w = c.coordinator;
      status = TxnErrors.await(c.router.txnStatus(w.keyspace(), w.routingKey(), c.txnId(), true));
    } catch (CesiumException unreachable) {
      Participants.release(c.router, c.txnId(), c.readOnlyTablets());
      throw TxnErrors.unknownOutcome(c.txnId(), e);
    }
    if (status.getOutcome() == TxnOutcome.COMMITTED) {
      c.commitTs = status.getCommitTs();
      return;
    }
    Aborts.everywhere(c);
    throw Aborts.asAbort(c, e, AbortReason.COORDINATOR_TIMEOUT);
  }
}
