package io.cesiumdb.truetime;

/** Spanner's sawtooth ε; see {@link EpsilonModel#sawtooth}. */
record SawtoothEpsilon(long baseMicros, long driftMicrosPerSecond, long pollIntervalMicros)
    implements EpsilonModel {

  private static final long MICROS_PER_SECOND = 1_000_000L;

  SawtoothEpsilon {
    if (baseMicros < 0 || driftMicrosPerSecond < 0 || pollIntervalMicros <= 0) {
      throw new IllegalArgumentException(
          "sawtooth needs base >= 0, drift >= 0 and poll interval > 0, got "
              + baseMicros
              + ", "
              + driftMicrosPerSecond
              + ", "
              + pollIntervalMicros);
    }
  }

  /** Rounds the drift term up: an error bound must never be understated. Saturates, never wraps. */
  @Override
  public long epsilonMicros(long microsSinceLastSync) {
    long since = Math.max(0, microsSinceLastSync);
    long wholeSeconds = since / MICROS_PER_SECOND;
    long rest = since % MICROS_PER_SECOND;
    try {
      long drift = Math.multiplyExact(wholeSeconds, driftMicrosPerSecond);
      long partial = ceilDiv(Math.multiplyExact(rest, driftMicrosPerSecond), MICROS_PER_SECOND);
      return Math.addExact(baseMicros, Math.addExact(drift, partial));
    } catch (ArithmeticException overflow) {
      return Long.MAX_VALUE;
    }
  }

  private static long ceilDiv(long x, long y) {
    return -Math.floorDiv(-x, y);
  }
}
