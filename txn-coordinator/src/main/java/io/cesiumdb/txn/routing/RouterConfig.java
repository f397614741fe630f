package io.cesiumdb.txn.routing;

import java.time.Duration;
import java.util.Objects;

/**
 * The numbers that bound a routed request. Immutable; {@link #defaults()} is what a node uses.
 *
 * @param overallDeadline how long one routed request may take in total, across every attempt,
 *     redirect and backoff; when it expires the future fails with {@code UNAVAILABLE} or the last
 *     non-routing error. Default 10 s (a Raft election with 1–2 s timeouts fits several times).
 * @param attemptTimeout the gRPC deadline of one attempt, capped by what is left of the overall
 *     deadline. Default 2 s: long enough for a replicated write with fsync on a loaded box, short
 *     enough to leave a dead leader's replacement time to be tried.
 * @param backoffBase the backoff before the second round of attempts; doubles every round. Default
 *     10 ms.
 * @param backoffMax the cap of the doubling. Default 1 s. The actual delay is drawn uniformly from
 *     {@code [cap/2, cap]} ("equal jitter") so that many routers do not retry in lockstep.
 * @param maxAttempts a safety valve on attempts per request (redirects count). Default 100, which
 *     the default deadline and backoff never reach in practice; the deadline is the real bound.
 */
public record RouterConfig(
    Duration overallDeadline,
    Duration attemptTimeout,
    Duration backoffBase,
    Duration backoffMax,
    int maxAttempts) {

  /**
   * Validates: every duration positive, {@code backoffBase <= backoffMax}, attempts {@code >= 1}.
   */
  public RouterConfig {
    requirePositive(overallDeadline, "overallDeadline");
    requirePositive(attemptTimeout, "attemptTimeout");
    requirePositive(backoffBase, "backoffBase");
    requirePositive(backoffMax, "backoffMax");
    if (backoffBase.compareTo(backoffMax) > 0) {
      throw new IllegalArgumentException(
          "backoffBase " + backoffBase + " > backoffMax " + backoffMax);
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1, got " + maxAttempts);
    }
  }

  /** 10 s overall, 2 s per attempt, backoff 10 ms doubling to 1 s, at most 100 attempts. */
  public static RouterConfig defaults() {
    return new RouterConfig(
        Duration.ofSeconds(10),
        Duration.ofSeconds(2),
        Duration.ofMillis(10),
        Duration.ofSeconds(1),
        100);
  }

  public RouterConfig withOverallDeadline(Duration d) {
    return new RouterConfig(d, attemptTimeout, backoffBase, backoffMax, maxAttempts);
  }

  public RouterConfig withAttemptTimeout(Duration d) {
    return new RouterConfig(overallDeadline, d, backoffBase, backoffMax, maxAttempts);
  }

  public RouterConfig withBackoff(Duration base, Duration max) {
    return new RouterConfig(overallDeadline, attemptTimeout, base, max, maxAttempts);
  }

  public RouterConfig withMaxAttempts(int n) {
    return new RouterConfig(overallDeadline, attemptTimeout, backoffBase, backoffMax, n);
  }

  private static void requirePositive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + d);
    }
  }
}
