package io.cesiumdb.truetime;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A reference time that moves only when told to, for deterministic tests.
 *
 * <p>{@link #sleepMicros} advances the time by the requested amount instead of blocking, so code
 * that waits (commit wait, lease expiry) runs instantly and reproducibly. Because this is the
 * <em>true</em> time of a simulated world, it never goes backwards: {@link #set} to an earlier time
 * and negative {@link #advance} are rejected. Thread-safe.
 */
public final class ManualTimeSource implements TimeSource {

  private final AtomicLong nowMicros;

  /** Starts the clock at {@code startMicros} since the Unix epoch. */
  public ManualTimeSource(long startMicros) {
    this.nowMicros = new AtomicLong(startMicros);
  }

  @Override
  public long nowMicros() {
    return nowMicros.get();
  }

  /**
   * Moves the time to {@code micros}.
   *
   * @throws IllegalArgumentException if that is earlier than the current time
   */
  public void set(long micros) {
    long previous = nowMicros.getAndAccumulate(micros, Math::max);
    if (micros < previous) {
      throw new IllegalArgumentException(
          "reference time never goes back: " + micros + " < " + previous);
    }
  }

  /**
   * Moves the time forward by {@code deltaMicros} and returns the new time.
   *
   * @throws IllegalArgumentException if {@code deltaMicros} is negative
   */
  public long advance(long deltaMicros) {
    if (deltaMicros < 0) {
      throw new IllegalArgumentException("reference time never goes back: " + deltaMicros);
    }
    return nowMicros.addAndGet(deltaMicros);
  }

  /** Advances the time by {@code micros} (if positive) instead of blocking. */
  @Override
  public void sleepMicros(long micros) throws InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException("interrupted before sleeping " + micros + " µs");
    }
    if (micros > 0) {
      advance(micros);
    }
  }

  @Override
  public String toString() {
    return "ManualTimeSource[" + nowMicros.get() + "]";
  }
}
