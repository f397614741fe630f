package io.cesiumdb.server;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/** Waits on a condition with a deadline: the tests' replacement for sleeping. */
public final class Await {
  private Await() {}

  /**
   * Polls {@code condition} until it holds; fails after {@code timeout} with {@code what} and the
   * last {@code state} seen. Exceptions from {@code condition} count as "not yet".
   */
  public static void until(
      String what, Duration timeout, Supplier<Boolean> condition, Supplier<String> state) {
    long deadline = System.nanoTime() + timeout.toNanos();
    RuntimeException last = null;
    while (true) {
      try {
        if (condition.get()) {
          return;
        }
      } catch (RuntimeException e) {
        last = e;
      }
      if (System.nanoTime() > deadline) {
        AssertionError failure =
            new AssertionError(
                "timed out after " + timeout + " waiting for: " + what + "\n" + state.get());
        if (last != null) {
          failure.addSuppressed(last);
        }
        throw failure;
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
    }
  }
}
