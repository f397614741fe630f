package io.cesiumdb.txn.rw;

import io.cesiumdb.common.error.CesiumException;
import java.util.function.Function;

/**
 * One {@link Transactions#readOnly(Function)} call: the body runs in a read-only transaction at a
 * fresh {@code TT.now().latest}; a retryable error (a replica behind, a leader change, a timeout of
 * a read — reads have no side effects) runs it again in a new one, with the attempt limit, deadline
 * and backoff of {@link TxnConfig}.
 */
final class ReadOnlyRetry<T> {
  private final Transactions txns;
  private final Function<ReadOnlyTransaction, T> body;
  private final TxnConfig config;

  ReadOnlyRetry(Transactions txns, Function<ReadOnlyTransaction, T> body) {
    this.txns = txns;
    this.body = body;
    this.config = txns.config();
  }

  T run() {
    long deadline = System.nanoTime() + config.retryDeadline().toNanos();
    for (int attempt = 1; ; attempt++) {
      try {
        return body.apply(txns.readOnly());
      } catch (CesiumException e) {
        if (!e.code().retryable()
            || attempt >= config.retryAttempts()
            || System.nanoTime() >= deadline) {
          throw e;
        }
      }
      RetryPause.pause(config, attempt, deadline);
    }
  }
}
