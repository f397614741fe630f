package io.cesiumdb.sql.session;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.sql.exec.KvStore;
import io.cesiumdb.sql.exec.KvTxn;
import java.util.EnumSet;
import java.util.Set;

/**
 * A session's transaction, as a small state machine:
 *
 * <pre>
 *   no block ──BEGIN / autocommit off──► block, no KvTxn yet ──first statement──► block + KvTxn
 *      ▲                                       │                                     │
 *      └──────────── COMMIT / ROLLBACK ────────┴──────────── COMMIT / ROLLBACK ───────┘
 *                                                    (a 40001 error marks the block failed)
 * </pre>
 *
 * The {@link KvTxn} starts lazily, so {@code SET TRANSACTION READ ONLY} right after BEGIN still
 * applies. A block is read-only when BEGIN, SET TRANSACTION or the session default says so; it then
 * runs on a lock-free snapshot. A retryable transaction error (wounded, aborted, conflict) ends the
 * KvTxn and marks the block failed: every statement but ROLLBACK/COMMIT is refused with {@code
 * TXN_ABORTED} (40001) until the client ends the block, so it never half-continues silently.
 */
final class TransactionState {
  private static final Set<ErrorCode> KILLS_TXN =
      EnumSet.of(
          ErrorCode.TXN_ABORTED,
          ErrorCode.TXN_WOUNDED,
          ErrorCode.TXN_CONFLICT,
          ErrorCode.TXN_NOT_FOUND);

  private static final String RETRY_FROM_START = "40001";

  private final KvStore store;
  private final SessionTimestamps timestamps;
  private boolean autoCommit = true;
  private boolean readOnlyDefault;
  private boolean explicit;
  private Boolean nextReadOnly;
  private KvTxn txn;
  private CesiumException failure;

  TransactionState(KvStore store, SessionTimestamps timestamps) {
    this.store = store;
    this.timestamps = timestamps;
  }

  boolean autoCommit() {
    return autoCommit;
  }

  /** Turning autocommit on commits the open block, as JDBC requires. */
  void setAutoCommit(boolean on) {
    if (on && !autoCommit && inBlock()) {
      commit();
    }
    autoCommit = on;
  }

  boolean readOnlyDefault() {
    return readOnlyDefault;
  }

  void setReadOnlyDefault(boolean readOnly) {
    readOnlyDefault = readOnly;
  }

  /** True inside BEGIN … COMMIT, or always when autocommit is off. */
  boolean inBlock() {
    return explicit || !autoCommit;
  }

  void begin(Boolean readOnly) {
    if (explicit) {
      throw new CesiumException(ErrorCode.VALIDATION_ERROR, "a transaction is already in progress");
    }
    if (txn != null) {
      throw new CesiumException(
          ErrorCode.VALIDATION_ERROR, "BEGIN after statements of an open transaction");
    }
    explicit = true;
    if (readOnly != null) {
      nextReadOnly = readOnly;
    }
  }

  /** SET TRANSACTION: for the open block before its first statement, else the next transaction. */
  void setNext(boolean readOnly) {
    if (txn != null) {
      throw new CesiumException(
          ErrorCode.VALIDATION_ERROR,
          "SET TRANSACTION must come before the first statement of a transaction");
    }
    nextReadOnly = readOnly;
  }

  /** The block's transaction, begun on first use; refused after a failure. */
  KvTxn blockTxn() {
    if (failure != null) {
      throw new CesiumException(
          ErrorCode.TXN_ABORTED,
          "the current transaction failed ("
              + failure.getMessage()
              + "); statements are refused until ROLLBACK",
          failure);
    }
    if (txn == null) {
      txn = readOnlyNow() ? store.beginReadOnly() : store.begin();
    }
    return txn;
  }

  /**
   * Whether one autocommitted statement runs read-only: a query always does (a lock-free snapshot);
   * DML does when SET TRANSACTION or the session default says so, and then fails with {@code
   * TXN_READ_ONLY}. Consumes a pending SET TRANSACTION.
   */
  boolean takeStatementReadOnly(boolean writes) {
    boolean readOnly = !writes || readOnlyNow();
    nextReadOnly = null;
    return readOnly;
  }

  /**
   * Called with a statement's error inside a block: a transaction error, or anything else the
   * client is told to retry from the start (SQLSTATE 40001: a routing error the router gave up on,
   * say), kills the block. Keeping the transaction after telling the client "retry" would let it go
   * on with reads whose locks may be gone.
   */
  void statementFailed(CesiumException e) {
    if (txn != null
        && (KILLS_TXN.contains(e.code()) || RETRY_FROM_START.equals(e.code().sqlState()))) {
      txn.rollback();
      txn = null;
      failure = e;
    }
  }

  void commit() {
    CesiumException failed = failure;
    KvTxn t = txn;
    reset();
    if (failed != null) {
      throw new CesiumException(
          ErrorCode.TXN_ABORTED, "transaction failed and was rolled back", failed);
    }
    if (t != null) {
      timestamps.committed(t, t.commit());
    }
  }

  void rollback() {
    KvTxn t = txn;
    reset();
    if (t != null) {
      t.rollback();
    }
  }

  private boolean readOnlyNow() {
    return nextReadOnly != null ? nextReadOnly : readOnlyDefault;
  }

  private void reset() {
    txn = null;
    explicit = false;
    nextReadOnly = null;
    failure = null;
  }
}
