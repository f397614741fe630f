package io.cesiumdb.truetime;

/**
 * Spanner's TrueTime API (OSDI12 §3, Table 1): time as an interval with bounded uncertainty.
 *
 * <p>Guarantee: for {@code tt = now()}, the true (reference) time at some instant during the call
 * lies in {@code [tt.earliest(), tt.latest()]}, provided the underlying {@link ClockSource} is
 * within the ε it claims. Per node, {@code now().earliest()} and {@code now().latest()} never
 * decrease. See the package documentation for every place CesiumDB relies on this.
 */
public interface TrueTime {

  /** Returns the current time interval. */
  TTInterval now();

  /** Returns true once {@code t} has certainly passed: {@code now().earliest() > t}. */
  default boolean after(long t) {
    return now().earliest() > t;
  }

  /** Returns true while {@code t} has certainly not arrived: {@code now().latest() < t}. */
  default boolean before(long t) {
    return now().latest() < t;
  }

  /**
   * Blocks until {@link #after after(t)} holds: Spanner's commit wait. Returns at once if it
   * already holds.
   *
   * @throws InterruptedException if the thread is interrupted while waiting; {@code t} may then not
   *     have passed
   */
  void commitWait(long t) throws InterruptedException;

  /** Returns the error bound ε the clock claims right now, in microseconds. */
  long epsilonMicros();

  /** Returns a monotonic TrueTime over {@code source}. */
  static TrueTime of(ClockSource source) {
    return new TrueTimeClock(source);
  }
}
