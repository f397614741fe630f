package io.cesiumdb.truetime;

/**
 * A TrueTime interval {@code [earliest, latest]} in microseconds since the Unix epoch (Spanner's
 * {@code TTinterval}, OSDI12 §3 Table 1).
 *
 * <p>Invariant: {@code earliest <= latest}. The guarantee a {@link TrueTime} gives is that the true
 * (reference) time at some instant during the {@code now()} call lies inside the interval, as long
 * as the node's clock error stays within the ε it claims.
 *
 * @param earliest the earliest the true time can be, inclusive
 * @param latest the latest the true time can be, inclusive
 */
public record TTInterval(long earliest, long latest) {

  /** Validates {@code earliest <= latest}. */
  public TTInterval {
    if (earliest > latest) {
      throw new IllegalArgumentException(
          "TTInterval earliest " + earliest + " is after latest " + latest);
    }
  }

  /**
   * Returns {@code [center - epsilon, center + epsilon]}.
   *
   * @throws IllegalArgumentException if {@code epsilonMicros} is negative
   */
  public static TTInterval around(long centerMicros, long epsilonMicros) {
    if (epsilonMicros < 0) {
      throw new IllegalArgumentException("negative epsilon " + epsilonMicros);
    }
    return new TTInterval(centerMicros - epsilonMicros, centerMicros + epsilonMicros);
  }

  /** Returns half the interval's width, rounded down: the instantaneous error bound ε. */
  public long epsilon() {
    // The width of a valid interval always fits in an unsigned long.
    return (latest - earliest) >>> 1;
  }

  /** Returns the middle of the interval, rounded down; never overflows. */
  public long midpoint() {
    return earliest + epsilon();
  }

  /** Returns true if {@code earliest <= t <= latest}. */
  public boolean contains(long t) {
    return earliest <= t && t <= latest;
  }
}
