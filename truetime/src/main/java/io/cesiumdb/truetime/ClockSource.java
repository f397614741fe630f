package io.cesiumdb.truetime;

/**
 * A node's local physical clock and the error bound it claims.
 *
 * <p>The contract a ClockSource is trusted to keep (and that nothing can check locally): the
 * reading differs from the reference time by at most {@link #epsilonMicros()}. {@link
 * SystemClockSource} is the production implementation; {@link SimulatedClock} lets tests and demos
 * break the contract on purpose.
 */
public interface ClockSource {

  /** Returns the local clock's reading in microseconds since the Unix epoch. May go backwards. */
  long readMicros();

  /** Returns the error bound ε the clock claims right now, in microseconds; never negative. */
  long epsilonMicros();

  /** Returns the reference time source that waiting (and freshness) is measured on. */
  TimeSource timeSource();

  /**
   * Returns {@code [reading - ε, reading + ε]}. Implementations whose ε varies with time override
   * this to take the reading and ε at the same instant, so a sync between two separate calls cannot
   * pair an old reading with a fresh, smaller ε.
   */
  default TTInterval readInterval() {
    long reading = readMicros();
    return TTInterval.around(reading, epsilonMicros());
  }
}
