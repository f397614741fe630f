package io.cesiumdb.truetime;

/**
 * Waits until {@code TrueTime.after(t)} holds without burning a core and without oversleeping.
 *
 * <p>Strategy: while more than {@link #SPIN_WINDOW_MICROS} remain, sleep on the {@link TimeSource}
 * (a park in production) for the remaining time minus that window; then spin with {@link
 * Thread#onSpinWait()}, re-reading {@code now()} each time, for the last ≤ 150 µs. Parking alone
 * would oversleep by the timer slack (tens of µs) plus scheduling latency; spinning alone would
 * burn a core for the whole ~2ε̄ (≈ 8 ms) commit wait.
 *
 * <p>The spin has a budget ({@link SpinBudget}); past it the waiter sleeps the remaining time in
 * short naps instead:
 *
 * <ul>
 *   <li>NB: a {@link ManualTimeSource} does not move while we spin. If the reference time stands
 *       still for {@link #STALL_SPINS} spins — impossible on a real microsecond clock, where that
 *       many spins take tens of µs — sleeping advances it, so tests never hang.
 *   <li>After the local clock jumps back, {@code now().earliest()} is clamped and stands still
 *       until the clock catches up (up to 2ε). Spinning through that would burn a core for
 *       milliseconds, so a spin phase longer than twice the window also falls back to naps.
 * </ul>
 */
final class CommitWaiter {

  /** The final stretch of the wait that is spun rather than parked. */
  static final long SPIN_WINDOW_MICROS = 150;

  /** Spins without any movement of the reference time before concluding it is a manual source. */
  static final int STALL_SPINS = 1_000;

  private final TrueTime trueTime;
  private final TimeSource time;

  CommitWaiter(TrueTime trueTime, TimeSource time) {
    this.trueTime = trueTime;
    this.time = time;
  }

  /** Returns once {@code trueTime.after(t)} holds. */
  void await(long t) throws InterruptedException {
    SpinBudget budget = new SpinBudget(time);
    for (long left = remainingMicros(t); left > 0; left = remainingMicros(t)) {
      if (Thread.interrupted()) {
        throw new InterruptedException("interrupted during commit wait for " + t);
      }
      if (left > SPIN_WINDOW_MICROS) {
        time.sleepMicros(left - SPIN_WINDOW_MICROS);
      } else if (budget.exhausted()) {
        time.sleepMicros(left);
      } else {
        Thread.onSpinWait();
      }
    }
  }

  /** Returns the local microseconds until {@code now().earliest() > t}; {@code <= 0} if done. */
  private long remainingMicros(long t) {
    long earliest = trueTime.now().earliest();
    return earliest > t ? 0 : t - earliest + 1;
  }

  /** Decides when spinning has stopped paying off. One per wait; not thread-safe. */
  private static final class SpinBudget {
    private final TimeSource time;
    private long spinStart = Long.MIN_VALUE;
    private long lastSeen;
    private int unchanged;

    SpinBudget(TimeSource time) {
      this.time = time;
    }

    /** Returns true if the waiter should sleep instead of spinning once more. */
    boolean exhausted() {
      long now = time.nowMicros();
      if (spinStart == Long.MIN_VALUE) {
        spinStart = now;
        lastSeen = now;
      }
      if (now != lastSeen) {
        lastSeen = now;
        unchanged = 0;
      } else if (++unchanged >= STALL_SPINS) {
        unchanged = 0;
        return true;
      }
      return now - spinStart > 2 * SPIN_WINDOW_MICROS;
    }
  }
}
