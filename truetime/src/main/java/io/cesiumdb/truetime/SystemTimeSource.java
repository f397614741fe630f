package io.cesiumdb.truetime;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

/**
 * The wall clock: the only class in CesiumDB allowed to read it.
 *
 * <p>The wall clock is read once, at class initialisation ({@link Clock#systemUTC()}, truncated to
 * microseconds); later readings add the {@link System#nanoTime()} elapsed since then. Readings are
 * therefore monotonic and immune to steps of the system clock (NTP steps, an operator's {@code date
 * -s}), but they do not follow such steps either: the error of the anchor and the drift of the
 * monotonic clock since class init are what {@link SystemClockSource}'s ε must cover.
 */
public final class SystemTimeSource implements TimeSource {

  /** The process-wide instance. */
  public static final SystemTimeSource INSTANCE = new SystemTimeSource();

  private final long anchorMicros;
  private final long anchorNanos;

  private SystemTimeSource() {
    Instant wall = Clock.systemUTC().instant();
    this.anchorNanos = System.nanoTime();
    this.anchorMicros = wall.getEpochSecond() * 1_000_000L + wall.getNano() / 1_000;
  }

  @Override
  public long nowMicros() {
    return anchorMicros + (System.nanoTime() - anchorNanos) / 1_000;
  }

  /** Parks the thread (no busy waiting) until {@code micros} have elapsed on {@code nanoTime}. */
  @Override
  public void sleepMicros(long micros) throws InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException("interrupted before sleeping " + micros + " µs");
    }
    if (micros <= 0) {
      return;
    }
    long nanos = saturatedNanos(micros);
    long deadline = System.nanoTime() + nanos;
    for (long left = nanos; left > 0; left = deadline - System.nanoTime()) {
      LockSupport.parkNanos(this, left);
      if (Thread.interrupted()) {
        throw new InterruptedException("interrupted while sleeping " + micros + " µs");
      }
    }
  }

  /** Converts to nanoseconds, capped far below overflow of {@code nanoTime() + nanos}. */
  private static long saturatedNanos(long micros) {
    return micros > Long.MAX_VALUE / 4_000 ? Long.MAX_VALUE / 4 : micros * 1_000;
  }

  @Override
  public String toString() {
    return "SystemTimeSource";
  }
}
