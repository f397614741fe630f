package io.cesiumdb.tablet.cluster;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition by polling it until a deadline; never a bare sleep as synchronisation. */
public final class Poll {
  private static final long INTERVAL_NANOS = Duration.ofMillis(20).toNanos();

  private Poll() {}

  /** Polls {@code condition} until it holds; fails with {@code what} after {@code timeout}. */
  public static void until(Duration timeout, String what, BooleanSupplier condition) {
    value(timeout, what, () -> condition.getAsBoolean() ? Optional.of(true) : Optional.empty());
  }

  /** Polls {@code probe} until it yields a value; exceptions count as "not yet". */
  public static <T> T value(Duration timeout, String what, Supplier<Optional<T>> probe) {
    long deadline = System.nanoTime() + timeout.toNanos();
    RuntimeException last = null;
    while (true) {
      try {
        Optional<T> v = probe.get();
        if (v.isPresent()) {
          return v.get();
        }
      } catch (RuntimeException e) {
        last = e;
      }
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what, last);
      }
      LockSupport.parkNanos(INTERVAL_NANOS);
    }
  }
}
