package io.cesiumdb.txn.rw;

import io.cesiumdb.common.error.AbortReason;
import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.common.error.RetryHint;
import io.cesiumdb.proto.tablet.TxnOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Undoing a commit that will not happen: participants (prepared, or maybe prepared) are resolved
 * ABORTED, and every other tablet the transaction touched releases its locks. Waits for the
 * answers, so a retry of the transaction does not queue behind its own previous attempt. Best
 * effort: a participant that does not answer is resolved by its own recovery.
 */
final class Aborts {
  private static final Logger LOG = LoggerFactory.getLogger(Aborts.class);

  private Aborts() {}

  static void everywhere(CommitContext c) {
    List<CompletableFuture<?>> calls = new ArrayList<>();
    for (CommitPlan.TabletWrites w : c.participants) {
      calls.add(
          c.router
              .resolveTxn(w.keyspace(), w.routingKey(), c.txnId(), TxnOutcome.ABORTED, 0)
              .whenComplete((r, t) -> logFailure(c, w.tabletId(), t)));
    }
    CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new))
        .exceptionally(t -> null)
        .join();
    List<Participants.Participant> release = new ArrayList<>(c.readOnlyTablets());
    if (c.coordinator != null) {
      release.add(c.coordinator.asParticipant());
    }
    Participants.release(c.router, c.txnId(), release);
  }

  /** A transaction error as it is, anything else as a retryable abort with {@code reason}. */
  static CesiumException asAbort(CommitContext c, CesiumException e, AbortReason reason) {
    if (TxnErrors.isRetryFromStart(e)) {
      return e;
    }
    return CesiumException.retry(
        ErrorCode.TXN_ABORTED,
        "txn " + c.txnId() + " aborted (" + reason + "): " + e.getMessage(),
        new RetryHint.TxnAborted(c.txnId(), reason));
  }

  private static void logFailure(CommitContext c, long tabletId, Throwable t) {
    if (t != null) {
      LOG.warn(
          "ResolveTxn ABORTED of {} at tablet {} failed; its recovery will resolve it: {}",
          c.txnId(),
          Long.toUnsignedString(tabletId),
          t.getMessage());
    }
  }
}
