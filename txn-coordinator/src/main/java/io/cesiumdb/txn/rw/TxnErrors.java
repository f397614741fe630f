package io.cesiumdb.txn.rw;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * What transaction errors mean to the client: which ones doom the transaction and make a retry from
 * the start worthwhile, and how a failed commit is reported. Stateless.
 */
final class TxnErrors {
  /** The transaction is dead and may be retried from the start: SQLSTATE 40001. */
  static final Set<ErrorCode> RETRY_FROM_START =
      EnumSet.of(ErrorCode.TXN_WOUNDED, ErrorCode.TXN_ABORTED, ErrorCode.TXN_CONFLICT);

  /**
   * A commit that failed with one of these may have been applied: the router's "sent, then timed
   * out or lost" codes, a replication timeout, a leader shutting down mid-commit, an unexpected
   * transport status. Any other answer is the leader's refusal: nothing was applied.
   */
  private static final Set<ErrorCode> MAYBE_APPLIED =
      EnumSet.of(
          ErrorCode.UNAVAILABLE,
          ErrorCode.DEADLINE_EXCEEDED,
          ErrorCode.SHUTTING_DOWN,
          ErrorCode.RAFT_TIMEOUT,
          ErrorCode.INTERNAL,
          ErrorCode.STORAGE_IO);

  private TxnErrors() {}

  static boolean isRetryFromStart(Throwable t) {
    return t instanceof CesiumException e && RETRY_FROM_START.contains(e.code());
  }

  /** True if the commit that failed with {@code e} may nevertheless have been applied. */
  static boolean outcomeUnknown(CesiumException e) {
    return MAYBE_APPLIED.contains(e.code());
  }

  /** Joins {@code f}, rethrowing its failure as a {@link CesiumException}. */
  static <T> T await(CompletableFuture<T> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      throw CesiumException.from(e.getCause() == null ? e : e.getCause());
    } catch (RuntimeException e) {
      throw CesiumException.from(e);
    }
  }

  /**
   * The error of a commit whose outcome is unknown: {@code TXN_OUTCOME_UNKNOWN}, SQLSTATE 40003
   * (PostgreSQL's statement_completion_unknown; CockroachDB's "result is ambiguous"). Not
   * retryable: a blind retry could apply the transaction twice; the application must check.
   */
  static CesiumException unknownOutcome(String txnId, CesiumException cause) {
    return new CesiumException(
        ErrorCode.TXN_OUTCOME_UNKNOWN,
        "commit of txn "
            + txnId
            + ": outcome unknown (the commit was sent and may or may not have been applied; it is"
            + " not re-sent): "
            + cause.getMessage(),
        cause);
  }

  /**
   * A durable commit this node cannot acknowledge: its clock failed (fenced) during commit wait, so
   * nothing here can tell that {@code commitTs} is past. TXN-7 like {@link #unknownOutcome}: the
   * client must not retry blindly, and must not take it as committed before that time either.
   */
  static CesiumException notAcknowledged(String txnId, long commitTs, CesiumException cause) {
    return new CesiumException(
        ErrorCode.TXN_OUTCOME_UNKNOWN,
        "commit of txn "
            + txnId
            + " at "
            + commitTs
            + " is durable but not acknowledged: this node's clock cannot confirm commit wait ("
            + cause.getMessage()
            + "); treat the outcome as unknown",
        cause);
  }

  static CesiumException notActive(String txnId, TxnState state) {
    return new CesiumException(
        ErrorCode.TXN_NOT_FOUND, "txn " + txnId + " is " + state + ", not ACTIVE");
  }
}
