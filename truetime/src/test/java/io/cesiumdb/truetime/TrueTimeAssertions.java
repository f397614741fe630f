package io.cesiumdb.truetime;

import static org.junit.jupiter.api.Assertions.fail;

/** Assertions about the TrueTime guarantee, shared by the tests of this module. */
final class TrueTimeAssertions {

  private TrueTimeAssertions() {}

  /**
   * Calls {@code trueTime.now()} and fails unless the reference time at some instant during the
   * call lies inside the returned interval. Returns the interval.
   */
  static TTInterval assertGuaranteeHolds(TrueTime trueTime, TimeSource reference, String context) {
    long before = reference.nowMicros();
    TTInterval interval = trueTime.now();
    long after = reference.nowMicros();
    if (interval.earliest() > after || interval.latest() < before) {
      fail(
          String.format(
              "%s: reference time [%d, %d] is outside %s (earliest %+d µs, latest %+d µs)",
              context,
              before,
              after,
              interval,
              interval.earliest() - after,
              interval.latest() - before));
    }
    return interval;
  }
}
