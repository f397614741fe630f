package io.cesiumdb.txn.routing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition the test cannot be told about directly (a router counter), checking it
 * every millisecond for up to 5 s. Not a sleep-and-hope: it returns as soon as the condition holds
 * and fails the test if it never does.
 */
final class Await {
  private static final Duration LIMIT = Duration.ofSeconds(5);

  private Await() {}

  static void until(String what, BooleanSupplier condition) {
    long end = System.nanoTime() + LIMIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("not within " + LIMIT + ": " + what);
      }
      LockSupport.parkNanos(1_000_000);
    }
  }
}
