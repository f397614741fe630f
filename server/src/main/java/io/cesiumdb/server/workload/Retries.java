package io.cesiumdb.server.workload;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Transaction attempts across all writers, and how many of them were aborted with SQLSTATE 40001
 * and retried: the "retries" line of the report.
 */
public final class Retries {
  private final AtomicLong attempts = new AtomicLong();
  private final AtomicLong aborted = new AtomicLong();

  /** Counts one attempt. */
  public void attempt() {
    attempts.incrementAndGet();
  }

  /** Counts one attempt that was aborted (40001). */
  public void aborted() {
    aborted.incrementAndGet();
  }

  public long attempts() {
    return attempts.get();
  }

  public long abortedAttempts() {
    return aborted.get();
  }
}
