package io.cesiumdb.truetime;

/**
 * The production clock: reads {@link TimeSource#system()} and claims ε from an {@link
 * EpsilonModel}.
 *
 * <p>The model's syncs are assumed to happen every poll interval, aligned to the Unix epoch (a
 * sawtooth model therefore reports its base ε at every multiple of the poll interval). CesiumDB
 * does not talk to time masters itself: <b>in production ε must be configured to cover the host's
 * real clock error bound</b> — NTP/chrony's reported maximum error (root dispersion plus half the
 * root delay) plus the error of {@link SystemTimeSource}'s one-time wall-clock anchor, with margin.
 * An ε that is too small makes TrueTime lie, and then commit wait no longer guarantees external
 * consistency (see the package documentation's HAZARD list). The {@code ClockOffsetMonitor} only
 * catches gross violations between nodes, not a whole cluster that is wrong together.
 */
public final class SystemClockSource implements ClockSource {

  private final TimeSource time;
  private final EpsilonModel epsilon;

  /** Creates a clock over the system time source. */
  public SystemClockSource(EpsilonModel epsilon) {
    this(TimeSource.system(), epsilon);
  }

  /** Creates a clock over another time source, so tests can check the sync schedule. */
  SystemClockSource(TimeSource time, EpsilonModel epsilon) {
    if (time == null || epsilon == null) {
      throw new IllegalArgumentException("time source and epsilon model are required");
    }
    this.time = time;
    this.epsilon = epsilon;
  }

  @Override
  public long readMicros() {
    return time.nowMicros();
  }

  @Override
  public long epsilonMicros() {
    return epsilonAt(time.nowMicros());
  }

  @Override
  public TimeSource timeSource() {
    return time;
  }

  @Override
  public TTInterval readInterval() {
    long reading = time.nowMicros();
    return TTInterval.around(reading, epsilonAt(reading));
  }

  /** Returns the epsilon model in use. */
  public EpsilonModel epsilonModel() {
    return epsilon;
  }

  private long epsilonAt(long micros) {
    return epsilon.epsilonMicros(Math.floorMod(micros, epsilon.pollIntervalMicros()));
  }

  @Override
  public String toString() {
    return "SystemClockSource[" + epsilon + "]";
  }
}
