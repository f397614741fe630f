package io.cesiumdb.server.fault;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.fault.SetClockRequest;
import io.cesiumdb.proto.fault.Strobe;
import io.cesiumdb.truetime.SimulatedClock;

/**
 * The clock half of a node's faults: applies {@link SetClockRequest}s to the node's {@link
 * SimulatedClock} and remembers what was set, because the clock itself exposes only its resulting
 * offset. Everything that changes the clock goes through here, so the remembered state is the
 * clock's. Thread-safe (one lock; changes are rare).
 */
final class ClockFaults {
  private final SimulatedClock clock;
  private long baseOffsetMicros;
  private Strobe strobe;
  private double driftPpm;

  ClockFaults(SimulatedClock clock) {
    this.clock = clock;
  }

  /**
   * Applies one change.
   *
   * @throws CesiumException INVALID_ARGUMENT for an empty request or a non-positive strobe period
   */
  synchronized void apply(SetClockRequest request) {
    switch (request.getChangeCase()) {
      case OFFSET_MICROS -> setOffset(request.getOffsetMicros());
      case JUMP_MICROS -> jump(request.getJumpMicros());
      case STROBE -> strobe(request.getStrobe());
      case DRIFT_PPM -> drift(request.getDriftPpm());
      case HEAL -> heal();
      case CHANGE_NOT_SET ->
          throw new CesiumException(ErrorCode.INVALID_ARGUMENT, "SetClock names no change");
    }
  }

  /** Offset 0, no strobe, drift 0. */
  synchronized void heal() {
    setOffset(0);
    drift(0);
  }

  private void setOffset(long micros) {
    clock.stopStrobe();
    strobe = null;
    clock.setOffsetMicros(micros);
    baseOffsetMicros = micros;
  }

  private void jump(long micros) {
    clock.jumpMicros(micros);
    baseOffsetMicros += micros;
  }

  private void strobe(Strobe s) {
    if (s.getPeriodMicros() <= 0) {
      throw new CesiumException(
          ErrorCode.INVALID_ARGUMENT, "strobe period must be positive: " + s.getPeriodMicros());
    }
    clock.startStrobe(s.getOffsetAMicros(), s.getOffsetBMicros(), s.getPeriodMicros());
    strobe = s;
  }

  private void drift(double ppm) {
    if (!Double.isFinite(ppm)) {
      throw new CesiumException(ErrorCode.INVALID_ARGUMENT, "drift must be finite: " + ppm);
    }
    clock.setDriftPpm(ppm);
    driftPpm = ppm;
  }

  /** What was set and what the clock reads now. */
  synchronized io.cesiumdb.proto.fault.ClockFaults state() {
    io.cesiumdb.proto.fault.ClockFaults.Builder b =
        io.cesiumdb.proto.fault.ClockFaults.newBuilder()
            .setBaseOffsetMicros(baseOffsetMicros)
            .setDriftPpm(driftPpm)
            .setTrueOffsetMicros(clock.trueOffsetMicros())
            .setEpsilonMicros(clock.epsilonMicros())
            .setEpsilonFloorMicros(clock.epsilonFloorMicros())
            .setHonest(clock.isHonest());
    if (strobe != null) {
      b.setStrobe(strobe);
    }
    return b.build();
  }

  /** True when offset 0, no strobe and no drift are set. */
  synchronized boolean healthy() {
    return baseOffsetMicros == 0 && strobe == null && driftPpm == 0;
  }
}
