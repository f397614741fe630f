package io.cesiumdb.truetime;

/**
 * How a clock's error bound ε evolves between synchronisations with the time masters.
 *
 * <p>Spanner's ε is a sawtooth (OSDI12 §3): right after a sync it is the communication delay to the
 * masters (about 1 ms); between syncs it grows at the assumed worst-case drift rate (200 µs/s) and
 * drops back at the next sync, 30 s later — so it ranges from about 1 to 7 ms.
 */
public interface EpsilonModel {

  /**
   * Returns ε in microseconds, {@code microsSinceLastSync} after the last sync. Never negative and
   * never decreasing in its argument; keeps growing if a sync is late.
   */
  long epsilonMicros(long microsSinceLastSync);

  /** Returns the interval between syncs in microseconds; {@link Long#MAX_VALUE} if ε is fixed. */
  long pollIntervalMicros();

  /** Returns a constant ε with no syncs. */
  static EpsilonModel fixed(long epsMicros) {
    return new FixedEpsilon(epsMicros);
  }

  /**
   * Returns Spanner's sawtooth: {@code base + drift × secondsSinceSync}, rounded up, with a sync
   * every {@code pollIntervalMicros}.
   *
   * @param baseMicros ε right after a sync (the round trip to the time masters)
   * @param driftMicrosPerSecond the assumed worst-case drift rate (µs/s, which is ppm)
   * @param pollIntervalMicros time between syncs
   */
  static EpsilonModel sawtooth(
      long baseMicros, long driftMicrosPerSecond, long pollIntervalMicros) {
    return new SawtoothEpsilon(baseMicros, driftMicrosPerSecond, pollIntervalMicros);
  }

  /** Returns Spanner's published parameters: {@code sawtooth(1000, 200, 30_000_000)}, 1 → 7 ms. */
  static EpsilonModel spannerDefault() {
    return sawtooth(1_000, 200, 30_000_000);
  }
}
