package io.cesiumdb.tablet.txn.locks;

import java.util.Objects;

/**
 * One lock wanted by one transaction.
 *
 * @param txnId the transaction's id; a transaction keeps its id for its whole life at this tablet
 * @param priorityTs the transaction's start timestamp: smaller is older and wins wound-wait (ties
 *     go to the smaller id). A retried transaction should keep its first start timestamp, so that
 *     it ages and cannot be wounded forever. The table keeps the priority of a transaction's first
 *     request and ignores later values.
 * @param span the key or key range
 * @param mode shared (reads, scans) or exclusive (writes)
 */
public record TxnLockRequest(String txnId, long priorityTs, LockSpan span, LockMode mode) {
  public TxnLockRequest {
    Objects.requireNonNull(txnId, "txnId");
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(mode, "mode");
  }

  public static TxnLockRequest shared(String txnId, long priorityTs, LockSpan span) {
    return new TxnLockRequest(txnId, priorityTs, span, LockMode.SHARED);
  }

  public static TxnLockRequest exclusive(String txnId, long priorityTs, LockSpan span) {
    return new TxnLockRequest(txnId, priorityTs, span, LockMode.EXCLUSIVE);
  }
}
