package io.cesiumdb.truetime;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The TrueTime of one node: {@code [reading - ε, reading + ε]} from a {@link ClockSource}, made
 * monotonic.
 *
 * <p>Monotonicity: each bound of the returned interval is clamped up to the largest value of that
 * bound returned so far, so neither ever decreases — not when the local clock jumps back, nor when
 * a sawtooth ε shrinks at a sync. Why clamping keeps the guarantee: raising {@code latest} only
 * widens an upper bound, which stays true. Raising {@code earliest} to an earlier call's {@code
 * earliest} e' is safe because e' was at most the true time during that call (if that reading was
 * honest), and true time never goes back, so e' is still at most the true time now. The clamped
 * bounds come from a single compare-and-set of the whole interval, so {@code earliest <= latest}
 * holds even under concurrent callers. Clamping hides a backward jump; it does not make a lying
 * clock honest.
 *
 * <p>Thread-safe and lock-free; {@link #commitWait} parks the calling thread.
 */
public final class TrueTimeClock implements TrueTime {

  private final ClockSource source;
  private final CommitWaiter waiter;
  private final AtomicReference<TTInterval> highest =
      new AtomicReference<>(new TTInterval(Long.MIN_VALUE, Long.MIN_VALUE));

  /** Creates the TrueTime of the node that owns {@code source}. */
  public TrueTimeClock(ClockSource source) {
    if (source == null) {
      throw new IllegalArgumentException("clock source is required");
    }
    this.source = source;
    this.waiter = new CommitWaiter(this, source.timeSource());
  }

  @Override
  public TTInterval now() {
    TTInterval raw = source.readInterval();
    return highest.accumulateAndGet(raw, TrueTimeClock::clampUp);
  }

  @Override
  public void commitWait(long t) throws InterruptedException {
    waiter.await(t);
  }

  /** Returns the clock source's current ε; a clamped {@code now()} may be wider than 2ε. */
  @Override
  public long epsilonMicros() {
    return source.epsilonMicros();
  }

  /** Returns the clock source this TrueTime reads. */
  public ClockSource clockSource() {
    return source;
  }

  private static TTInterval clampUp(TTInterval seen, TTInterval raw) {
    if (raw.earliest() >= seen.earliest() && raw.latest() >= seen.latest()) {
      return raw;
    }
    return new TTInterval(
        Math.max(seen.earliest(), raw.earliest()), Math.max(seen.latest(), raw.latest()));
  }

  @Override
  public String toString() {
    return "TrueTimeClock[" + source + "]";
  }
}
