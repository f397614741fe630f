package io.cesiumdb.truetime;

/**
 * One node's clock in tests and demos: the reference time plus an offset that tests control.
 *
 * <p>{@code reading(t) = t + offset(t)}, where {@code offset(t) = base + drift(t)}, or {@code
 * strobe(t) + drift(t)} while a strobe runs (the strobe offset replaces the base offset):
 *
 * <ul>
 *   <li><b>base</b>: set by {@link #setOffsetMicros}, moved by {@link #jumpMicros};
 *   <li><b>drift</b>: {@link #setDriftPpm} parts per million of reference time, accumulated since
 *       the last sync and reset to zero at each sync. Syncs happen every {@link
 *       EpsilonModel#pollIntervalMicros()} of reference time counted from construction (the clock
 *       has just synced when created; a fixed model never syncs). A sync also resets a sawtooth ε;
 *   <li><b>strobe</b>: {@link #startStrobe} flips between two offsets every period (Jepsen's strobe
 *       nemesis).
 * </ul>
 *
 * <p>The clock claims ε from its {@link EpsilonModel} and <em>lies</em> whenever {@code |offset| >
 * ε}: nothing prevents that, which is how tests prove what breaks. While {@link #isHonest()} holds,
 * the reference time lies inside every interval a {@link TrueTime} over this clock returns. All
 * methods are thread-safe.
 */
public final class SimulatedClock implements ClockSource {

  private static final double PER_MILLION = 1e-6;

  private final String nodeId;
  private final TimeSource reference;
  private final long syncAnchorMicros;
  private EpsilonModel epsilon;
  private long baseOffsetMicros;
  private double driftPpm;
  private double driftCarriedMicros;
  private long driftAnchorMicros;
  private Strobe strobe;

  /** Creates an honest clock (offset 0, no drift) that has just synced. */
  public SimulatedClock(String nodeId, TimeSource reference, EpsilonModel epsilon) {
    if (nodeId == null || reference == null || epsilon == null) {
      throw new IllegalArgumentException("nodeId, reference and epsilon are required");
    }
    this.nodeId = nodeId;
    this.reference = reference;
    this.epsilon = epsilon;
    this.syncAnchorMicros = reference.nowMicros();
    this.driftAnchorMicros = syncAnchorMicros;
  }

  /** Returns the node this clock belongs to. */
  public String nodeId() {
    return nodeId;
  }

  @Override
  public synchronized long readMicros() {
    long ref = reference.nowMicros();
    return ref + offsetAt(ref);
  }

  @Override
  public synchronized long epsilonMicros() {
    return epsilonAt(reference.nowMicros());
  }

  @Override
  public TimeSource timeSource() {
    return reference;
  }

  @Override
  public synchronized TTInterval readInterval() {
    long ref = reference.nowMicros();
    return TTInterval.around(ref + offsetAt(ref), epsilonAt(ref));
  }

  /** Sets the base offset (reading minus reference time), in microseconds. */
  public synchronized void setOffsetMicros(long offsetMicros) {
    baseOffsetMicros = offsetMicros;
  }

  /** Moves the base offset by {@code deltaMicros} at once: a one-off clock jump. */
  public synchronized void jumpMicros(long deltaMicros) {
    baseOffsetMicros += deltaMicros;
  }

  /**
   * Sets the drift rate in parts per million (µs of error per second of reference time). Drift
   * accumulated so far in this sync period is kept; the new rate applies from now on.
   */
  public synchronized void setDriftPpm(double ppm) {
    long ref = reference.nowMicros();
    driftCarriedMicros = driftAt(ref);
    driftAnchorMicros = ref;
    driftPpm = ppm;
  }

  /**
   * Starts flipping the offset between {@code offsetAMicros} and {@code offsetBMicros} every {@code
   * periodMicros} of reference time, starting now with A. Replaces the base offset until {@link
   * #stopStrobe()}.
   */
  public synchronized void startStrobe(long offsetAMicros, long offsetBMicros, long periodMicros) {
    if (periodMicros <= 0) {
      throw new IllegalArgumentException("strobe period must be positive: " + periodMicros);
    }
    strobe = new Strobe(offsetAMicros, offsetBMicros, periodMicros, reference.nowMicros());
  }

  /** Stops the strobe; the base offset applies again. */
  public synchronized void stopStrobe() {
    strobe = null;
  }

  /**
   * Replaces the ε model (to inject ε spikes); the sync schedule stays anchored at construction.
   */
  /**
   * The smallest ε this clock ever claims (right after a sync; the model never decreases between
   * syncs): an offset within it keeps the clock honest whenever the sawtooth resets.
   */
  public synchronized long epsilonFloorMicros() {
    return epsilon.epsilonMicros(0);
  }

  public synchronized void setEpsilonModel(EpsilonModel model) {
    if (model == null) {
      throw new IllegalArgumentException("epsilon model is required");
    }
    epsilon = model;
  }

  /** Returns the clock's true offset right now: reading minus reference time. */
  public synchronized long trueOffsetMicros() {
    return offsetAt(reference.nowMicros());
  }

  /** Returns true if {@code |true offset| <= ε} right now, i.e. the clock keeps its promise. */
  public synchronized boolean isHonest() {
    long ref = reference.nowMicros();
    return Math.abs(offsetAt(ref)) <= epsilonAt(ref);
  }

  private long offsetAt(long ref) {
    long base = strobe == null ? baseOffsetMicros : strobe.offsetAt(ref);
    return base + Math.round(driftAt(ref));
  }

  private double driftAt(long ref) {
    long lastSync = lastSyncAt(ref);
    if (driftAnchorMicros < lastSync) {
      return driftPpm * (ref - lastSync) * PER_MILLION;
    }
    return driftCarriedMicros + driftPpm * (ref - driftAnchorMicros) * PER_MILLION;
  }

  private long epsilonAt(long ref) {
    return epsilon.epsilonMicros(ref - lastSyncAt(ref));
  }

  private long lastSyncAt(long ref) {
    long poll = epsilon.pollIntervalMicros();
    return ref - Math.floorMod(ref - syncAnchorMicros, poll);
  }

  @Override
  public synchronized String toString() {
    long ref = reference.nowMicros();
    return "SimulatedClock["
        + nodeId
        + " offset="
        + offsetAt(ref)
        + "µs ε="
        + epsilonAt(ref)
        + "µs"
        + (strobe == null ? "" : " strobing")
        + "]";
  }

  /** Flip between offsets a and b every period of reference time, starting with a at start. */
  private record Strobe(long a, long b, long periodMicros, long startMicros) {
    long offsetAt(long ref) {
      long flips = Math.floorDiv(ref - startMicros, periodMicros);
      return Math.floorMod(flips, 2) == 0 ? a : b;
    }
  }
}
