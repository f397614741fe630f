package io.cesiumdb.tablet.txn.locks;

import io.cesiumdb.common.error.AbortReason;
import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.common.error.RetryHint;
import java.time.Duration;

/**
 * The errors the lock table fails requests with and hands to its listener. Aborts are retryable
 * ({@code TXN_WOUNDED}, {@code TXN_ABORTED}); a lock asked for after prepare is a caller bug.
 */
final class Aborts {
  private Aborts() {}

  static CesiumException wounded(TxnLocks victim, TxnLocks by) {
    return CesiumException.retry(
        ErrorCode.TXN_WOUNDED,
        "txn " + victim + " wounded by older txn " + by,
        new RetryHint.TxnAborted(victim.id, AbortReason.WOUNDED));
  }

  static CesiumException abandoned(TxnLocks txn, Duration timeout) {
    return CesiumException.retry(
        ErrorCode.TXN_ABORTED,
        "txn " + txn + " sent no keepalive for " + timeout,
        new RetryHint.TxnAborted(txn.id, AbortReason.ABANDONED));
  }

  static CesiumException released(TxnLocks txn) {
    return new CesiumException(
        ErrorCode.TXN_ABORTED, "txn " + txn + " released its locks while this request waited");
  }

  static CesiumException lockAfterPrepare(TxnLocks txn, TxnLockRequest request) {
    return new CesiumException(
        ErrorCode.INVALID_ARGUMENT,
        "txn "
            + txn
            + " is prepared and may take no new lock: "
            + request.mode()
            + " "
            + request.span());
  }
}
