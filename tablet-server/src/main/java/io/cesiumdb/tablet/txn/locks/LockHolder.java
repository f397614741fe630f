package io.cesiumdb.tablet.txn.locks;

/**
 * A granted lock as seen from outside the table (diagnostics and tests): which transaction holds
 * which span in which mode, and whether that transaction is prepared or wounded.
 */
public record LockHolder(
    String txnId, LockSpan span, LockMode mode, boolean prepared, boolean wounded) {

  /** True when this lock and {@code other} belong to different transactions and may not coexist. */
  public boolean conflictsWith(LockHolder other) {
    return !txnId.equals(other.txnId)
        && span.overlaps(other.span)
        && !mode.compatibleWith(other.mode);
  }
}
