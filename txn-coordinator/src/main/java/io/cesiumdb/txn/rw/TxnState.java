package io.cesiumdb.txn.rw;

/** Where a {@link Transaction} is in its life. Only {@link #ACTIVE} accepts operations. */
public enum TxnState {
  /** Begun; reads, scans and buffered writes allowed. */
  ACTIVE,
  /** {@link Transaction#commit()} succeeded. */
  COMMITTED,
  /** {@link Transaction#rollback()} ran. */
  ROLLED_BACK,
  /**
   * An operation failed (wounded, aborted, commit refused or of unknown outcome); locks released.
   */
  FAILED
}
