package io.cesiumdb.tablet.txn.locks;

/**
 * One granted lock: a transaction's hold on one span. An S→X upgrade changes {@link #mode} in
 * place. Guarded by the table's monitor.
 */
final class HeldLock {
  final TxnLocks txn;
  final LockSpan span;
  LockMode mode;

  HeldLock(TxnLocks txn, LockSpan span, LockMode mode) {
    this.txn = txn;
    this.span = span;
    this.mode = mode;
  }

  /** True when this lock belongs to another transaction and may not coexist with (span, mode). */
  boolean blocks(TxnLocks requester, LockSpan wanted, LockMode wantedMode) {
    return txn != requester && !mode.compatibleWith(wantedMode) && span.overlaps(wanted);
  }

  LockHolder toHolder() {
    return new LockHolder(txn.id, span, mode, txn.prepared, txn.wound != null);
  }
}
