package io.cesiumdb.txn.routing;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of one router, cumulative since it was built. Cheap to bump from any thread; read them
 * with {@link #snapshot()}. Tests assert on them; a node will export them when it grows metrics.
 */
public final class RouterMetrics {
  private final LongAdder requests = new LongAdder();
  private final LongAdder attempts = new LongAdder();
  private final LongAdder retries = new LongAdder();
  private final LongAdder notLeaderRedirects = new LongAdder();
  private final LongAdder backoffs = new LongAdder();
  private final LongAdder descriptorRefreshes = new LongAdder();
  private final LongAdder gaveUp = new LongAdder();

  /**
   * A point-in-time copy of the counters.
   *
   * @param requests routed requests started
   * @param attempts RPCs sent, first tries and retries alike
   * @param retries attempts after the first of their request ({@code attempts - requests} once
   *     every request has been tried at least once)
   * @param notLeaderRedirects attempts sent to a leader named by a not-leader hint
   * @param backoffs pauses between rounds of attempts
   * @param descriptorRefreshes times a {@code TABLET_MOVED} answer asked the {@link
   *     DescriptorSource} for a fresher descriptor
   * @param gaveUp requests failed because the deadline or the attempt limit ran out
   */
  public record Snapshot(
      long requests,
      long attempts,
      long retries,
      long notLeaderRedirects,
      long backoffs,
      long descriptorRefreshes,
      long gaveUp) {}

  public Snapshot snapshot() {
    return new Snapshot(
        requests.sum(),
        attempts.sum(),
        retries.sum(),
        notLeaderRedirects.sum(),
        backoffs.sum(),
        descriptorRefreshes.sum(),
        gaveUp.sum());
  }

  void request() {
    requests.increment();
  }

  void attempt(boolean isRetry) {
    attempts.increment();
    if (isRetry) {
      retries.increment();
    }
  }

  void notLeaderRedirect() {
    notLeaderRedirects.increment();
  }

  void backoff() {
    backoffs.increment();
  }

  void descriptorRefresh() {
    descriptorRefreshes.increment();
  }

  void gaveUp() {
    gaveUp.increment();
  }
}
