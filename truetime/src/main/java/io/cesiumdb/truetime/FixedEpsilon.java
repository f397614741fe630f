package io.cesiumdb.truetime;

/** A constant ε and no syncs; see {@link EpsilonModel#fixed}. */
record FixedEpsilon(long epsMicros) implements EpsilonModel {

  FixedEpsilon {
    if (epsMicros < 0) {
      throw new IllegalArgumentException("negative epsilon " + epsMicros);
    }
  }

  @Override
  public long epsilonMicros(long microsSinceLastSync) {
    return epsMicros;
  }

  @Override
  public long pollIntervalMicros() {
    return Long.MAX_VALUE;
  }
}
