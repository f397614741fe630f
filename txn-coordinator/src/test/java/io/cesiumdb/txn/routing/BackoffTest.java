package io.cesiumdb.txn.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private static final long MS = 1_000_000;

  @Test
  void theCapDoublesUpToTheMaximumAndTheDelayStaysInItsUpperHalf() {
    Backoff b = new Backoff(Duration.ofMillis(10), Duration.ofMillis(100), new Random(1));
    long[] caps = {10, 20, 40, 80, 100, 100, 100};
    for (int round = 1; round <= 200; round++) {
      long cap = caps[Math.min(round, caps.length) - 1] * MS;
      long d = b.delayNanos(round);
      assertTrue(d >= cap / 2 && d <= cap, "round " + round + ": " + d + " outside [cap/2, cap]");
    }
  }

  @Test
  void theSameSeedGivesTheSameDelays() {
    Backoff a = new Backoff(Duration.ofMillis(10), Duration.ofSeconds(1), new Random(7));
    Backoff b = new Backoff(Duration.ofMillis(10), Duration.ofSeconds(1), new Random(7));
    for (int round = 1; round <= 20; round++) {
      assertEquals(a.delayNanos(round), b.delayNanos(round));
    }
  }

  @Test
  void jitterActuallyVaries() {
    Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofMillis(100), new Random(3));
    long first = b.delayNanos(1);
    boolean varied = false;
    for (int i = 0; i < 20 && !varied; i++) {
      varied = b.delayNanos(1) != first;
    }
    assertTrue(varied);
  }

  @Test
  void hugeRoundNumbersDoNotOverflow() {
    Backoff b = new Backoff(Duration.ofNanos(3), Duration.ofDays(365), new Random(5));
    long d = b.delayNanos(Integer.MAX_VALUE);
    assertTrue(d > 0 && d <= Duration.ofDays(365).toNanos(), Long.toString(d));
  }
}
