package io.cesiumdb.truetime;

/**
 * Reference ("true") time and the way to wait on it, in microseconds since the Unix epoch.
 *
 * <p>In production this is {@link SystemTimeSource#INSTANCE}, the process's only view of the wall
 * clock; in tests it is a {@link ManualTimeSource} that moves only when told to. Readings never go
 * backwards. Everything that measures elapsed time (waiting, freshness of samples) uses a
 * TimeSource, never a node's skewable {@link ClockSource} reading.
 */
public interface TimeSource {

  /** Returns the current reference time in microseconds since the Unix epoch; never decreases. */
  long nowMicros();

  /**
   * Waits until at least {@code micros} of reference time have passed; returns at once if {@code
   * micros <= 0}. A {@link ManualTimeSource} advances its own time instead of blocking.
   *
   * @throws InterruptedException if the thread is interrupted before or while waiting
   */
  void sleepMicros(long micros) throws InterruptedException;

  /** Returns the process-wide system time source. */
  static TimeSource system() {
    return SystemTimeSource.INSTANCE;
  }
}
