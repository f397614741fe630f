package io.cesiumdb.txn.rw;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/** The backoff between transaction attempts: bounded exponential with equal jitter. */
final class RetryPause {
  private RetryPause() {}

  /** Sleeps before attempt {@code attempt + 1}, never past {@code deadlineNanos}. */
  static void pause(TxnConfig config, int attempt, long deadlineNanos) {
    long base = config.retryBackoffBase().toNanos();
    long cap = Math.min(config.retryBackoffMax().toNanos(), base << Math.min(attempt - 1, 20));
    long delay = cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1);
    delay = Math.min(delay, Math.max(0, deadlineNanos - System.nanoTime()));
    try {
      TimeUnit.NANOSECONDS.sleep(delay); // the caller's own thread waits out the backoff
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      throw new CesiumException(ErrorCode.DEADLINE_EXCEEDED, "transaction retry interrupted");
    }
  }
}
