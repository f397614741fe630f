package io.cesiumdb.truetime;

/**
 * A {@link ClockSource} that notices when its clock steps: every reading is compared with the
 * monotonic clock ({@link System#nanoTime}), which no clock adjustment moves, and a change of
 * {@code reading − monotonic} between two readings larger than the threshold (plus a drift
 * allowance of {@value #DRIFT_PPM} ppm of the time between them) is a jump.
 *
 * <p>Why: a clock that steps beyond ε breaks TrueTime's promise at once, but the offset monitor
 * learns of it only at its next samples (half a second or more). A timestamp taken in between can
 * break external consistency: a forward step makes commit wait end too early in true time; a
 * backward step freezes TrueTime (it never goes back), so read-only transactions started there read
 * in the past. The node fences itself for a while after a jump ({@link #jumpedWithin}); the caller
 * checks after taking a timestamp, so the reading that revealed the jump is never acknowledged.
 * CockroachDB's forward-jump check ({@code server.clock.forward_jump_check_enabled}) is the same
 * idea with the same threshold: half the tolerated offset between nodes.
 *
 * <p>A change within the threshold, or within 2ε, passes: a clock may honestly move from −ε to +ε
 * (a strobe within ε does exactly that), so only a larger step proves it broke its promise; the
 * monitor judges the rest. Thread-safe.
 */
public final class ClockJumpDetector implements ClockSource {
  /** Drift allowed between two readings, in ppm of the time between them. */
  static final long DRIFT_PPM = 500;

  private final ClockSource delegate;
  private final long thresholdMicros;
  private long lastDelta;
  private long lastNanos;
  private boolean started;
  private volatile long lastJumpNanos;
  private volatile long lastJumpMicros;
  private volatile boolean jumped;

  /**
   * @param delegate the clock read
   * @param thresholdMicros the largest step that is not a jump (half the offset bound between
   *     nodes)
   */
  public ClockJumpDetector(ClockSource delegate, long thresholdMicros) {
    if (delegate == null || thresholdMicros <= 0) {
      throw new IllegalArgumentException("a clock and a positive threshold are required");
    }
    this.delegate = delegate;
    this.thresholdMicros = thresholdMicros;
  }

  /** The clock this detector reads. */
  public ClockSource delegate() {
    return delegate;
  }

  @Override
  public long readMicros() {
    long before = System.nanoTime();
    long reading = delegate.readMicros();
    long after = System.nanoTime();
    observe(reading, delegate.epsilonMicros(), before, after);
    return reading;
  }

  @Override
  public long epsilonMicros() {
    return delegate.epsilonMicros();
  }

  @Override
  public TimeSource timeSource() {
    return delegate.timeSource();
  }

  @Override
  public TTInterval readInterval() {
    long before = System.nanoTime();
    TTInterval i = delegate.readInterval();
    long after = System.nanoTime();
    long half = (i.latest() - i.earliest()) / 2;
    observe(i.earliest() + half, half, before, after);
    return i;
  }

  /** Whether a jump was seen in the last {@code nanos} nanoseconds (of System.nanoTime). */
  public boolean jumpedWithin(long nanos) {
    return jumped && System.nanoTime() - lastJumpNanos < nanos;
  }

  /** The size of the last jump in microseconds (signed), 0 if none was seen. */
  public long lastJumpMicros() {
    return lastJumpMicros;
  }

  /**
   * Compares a reading with the monotonic clock read just before and after it. A reading whose
   * bracket is wider than a quarter of the threshold is skipped: the thread was descheduled around
   * it (on a loaded box, for tens of milliseconds), and the pair would look like a step that never
   * happened.
   */
  private synchronized void observe(
      long reading, long epsilonMicros, long beforeNanos, long afterNanos) {
    if (afterNanos - beforeNanos > thresholdMicros * 1_000 / 4) {
      return;
    }
    long nowNanos = beforeNanos + (afterNanos - beforeNanos) / 2;
    long delta = reading - nowNanos / 1_000;
    if (started) {
      long elapsedMicros = Math.max(0, (nowNanos - lastNanos) / 1_000);
      long allowance =
          Math.max(thresholdMicros, 2 * epsilonMicros) + elapsedMicros * DRIFT_PPM / 1_000_000;
      long step = delta - lastDelta;
      if (Math.abs(step) > allowance) {
        lastJumpMicros = step;
        lastJumpNanos = nowNanos;
        jumped = true;
      }
    }
    lastDelta = delta;
    lastNanos = nowNanos;
    started = true;
  }
}
