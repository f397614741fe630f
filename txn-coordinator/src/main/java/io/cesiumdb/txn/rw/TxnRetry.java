package io.cesiumdb.txn.rw;

import io.cesiumdb.common.error.CesiumException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link Transactions#retry} call: attempts in fresh transactions that share the first
 * attempt's priority (wound-wait ages them: an older transaction is never wounded by a younger one,
 * so a retried transaction eventually wins), with bounded exponential backoff (equal jitter)
 * between attempts, until success, a non-retryable error, the attempt limit or the deadline.
 */
final class TxnRetry<T> {
  private static final Logger LOG = LoggerFactory.getLogger(TxnRetry.class);

  private final Transactions txns;
  private final Function<Transaction, T> body;
  private final TxnConfig config;

  TxnRetry(Transactions txns, Function<Transaction, T> body) {
    this.txns = txns;
    this.body = body;
    this.config = txns.config();
  }

  Committed<T> run() {
    long priority = txns.priorityNow();
    long deadline = System.nanoTime() + config.retryDeadline().toNanos();
    for (int attempt = 1; ; attempt++) {
      try (Transaction tx = txns.begin(priority)) {
        try {
          T value = body.apply(tx);
          return new Committed<>(value, tx.commit(), tx.id(), attempt);
        } catch (RuntimeException e) {
          tx.rollback();
          CesiumException ce = retryable(e, attempt, deadline);
          LOG.debug("txn {} attempt {} failed, retrying: {}", tx.id(), attempt, ce.getMessage());
        }
      }
      RetryPause.pause(config, attempt, deadline);
    }
  }

  /** {@code e} if the transaction may be retried; otherwise throws it. */
  private CesiumException retryable(RuntimeException e, int attempt, long deadline) {
    if (!TxnErrors.isRetryFromStart(e)) {
      throw e;
    }
    CesiumException ce = (CesiumException) e;
    if (attempt >= config.retryAttempts() || System.nanoTime() >= deadline) {
      throw new CesiumException(
          ce.code(), "gave up after " + attempt + " attempts: " + ce.getMessage(), ce);
    }
    return ce;
  }
}
