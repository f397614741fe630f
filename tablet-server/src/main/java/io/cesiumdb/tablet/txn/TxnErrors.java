package io.cesiumdb.tablet.txn;

import io.cesiumdb.common.error.AbortReason;
import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.common.error.RetryHint;

/**
 * The errors of the transaction layer at a tablet leader. Every abort is retryable (SQLSTATE 40001)
 * and carries {@link RetryHint.TxnAborted} with its reason, so a client retries the whole
 * transaction as a new attempt.
 */
final class TxnErrors {
  private TxnErrors() {}

  /** The transaction's locks were lost with this replica's leadership (or the term changed). */
  static CesiumException leaderChanged(String txnId, long tabletId) {
    return CesiumException.retry(
        ErrorCode.TXN_ABORTED,
        "txn " + txnId + ": tablet " + Long.toUnsignedString(tabletId) + " changed leader",
        new RetryHint.TxnAborted(txnId, AbortReason.LEADER_CHANGED));
  }

  /** A read whose lock went while it ran (the reason is not known here any more). */
  static CesiumException locksLostDuringRead(String txnId, long tabletId) {
    return CesiumException.retry(
        ErrorCode.TXN_ABORTED,
        "txn "
            + txnId
            + ": its lock at tablet "
            + Long.toUnsignedString(tabletId)
            + " was released while it read; the read cannot be trusted",
        new RetryHint.TxnAborted(txnId, AbortReason.ABANDONED));
  }

  /** The table of a replica that is no longer leader (in its term) takes no request. */
  static CesiumException tableClosed(long tabletId) {
    return new CesiumException(
        ErrorCode.NOT_LEADER,
        "tablet " + Long.toUnsignedString(tabletId) + ": lock table closed at leadership change");
  }

  /** A lock granted to a transaction that was wounded meanwhile: it must not be used. */
  static CesiumException woundedMeanwhile(String txnId) {
    return CesiumException.retry(
        ErrorCode.TXN_WOUNDED,
        "txn " + txnId + " was wounded by an older transaction",
        new RetryHint.TxnAborted(txnId, AbortReason.WOUNDED));
  }

  /** The coordinator recorded ABORTED (a participant's recovery asked before the commit came). */
  static CesiumException abortedByCoordinator(String txnId, long tabletId) {
    return CesiumException.retry(
        ErrorCode.TXN_ABORTED,
        "txn "
            + txnId
            + ": its coordinator tablet "
            + Long.toUnsignedString(tabletId)
            + " recorded ABORTED (a participant waited too long for the outcome)",
        new RetryHint.TxnAborted(txnId, AbortReason.COORDINATOR_TIMEOUT));
  }

  /** A tablet the transaction read holds none of its locks any more (expired, or a new leader). */
  static CesiumException readLocksLost(String txnId, long tabletId) {
    return CesiumException.retry(
        ErrorCode.TXN_ABORTED,
        "txn "
            + txnId
            + ": its read locks at tablet "
            + Long.toUnsignedString(tabletId)
            + " are gone, so what it read may have changed",
        new RetryHint.TxnAborted(txnId, AbortReason.PREPARE_FAILED));
  }

  /**
   * A request of a transaction that already ended here (committed, resolved, or rolled back by its
   * client): it arrived late, and must not lock again (nobody would release those locks).
   */
  static CesiumException endedHere(String txnId, long tabletId) {
    return CesiumException.retry(
        ErrorCode.TXN_ABORTED,
        "txn "
            + txnId
            + " already ended at tablet "
            + Long.toUnsignedString(tabletId)
            + " (a late request)",
        new RetryHint.TxnAborted(txnId, AbortReason.USER_ROLLBACK));
  }
}
