package io.cesiumdb.txn.routing;

import java.time.Duration;
import java.util.Random;

/**
 * Bounded exponential backoff with "equal jitter": before round {@code r} (1 = the pause after the
 * first full round of attempts) the cap is {@code min(max, base * 2^(r-1))} and the delay is drawn
 * uniformly from {@code [cap/2, cap]}. Half the cap is guaranteed so retries always slow down; the
 * random half spreads routers that failed together.
 *
 * <p>Thread-safe ({@link Random} is). Seed the {@code Random} in tests for repeatable delays.
 */
final class Backoff {
  private final long baseNanos;
  private final long maxNanos;
  private final Random random;

  Backoff(Duration base, Duration max, Random random) {
    this.baseNanos = base.toNanos();
    this.maxNanos = max.toNanos();
    this.random = random;
  }

  /** The pause before round {@code round} ({@code >= 1}), in nanoseconds. */
  long delayNanos(int round) {
    int doublings = Math.min(Math.max(round, 1) - 1, 62);
    long cap = baseNanos;
    for (int i = 0; i < doublings && cap < maxNanos; i++) {
      cap = cap > maxNanos / 2 ? maxNanos : cap * 2;
    }
    cap = Math.min(cap, maxNanos);
    long half = cap / 2;
    return half + random.nextLong(cap - half + 1);
  }
}
