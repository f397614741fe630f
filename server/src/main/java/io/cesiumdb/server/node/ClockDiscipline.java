package io.cesiumdb.server.node;

import io.cesiumdb.tablet.TabletServer;
import io.cesiumdb.tablet.replication.ClockGate;
import io.cesiumdb.truetime.ClockJumpDetector;
import io.cesiumdb.truetime.ClockOffsetMonitor;
import io.cesiumdb.truetime.FencingVerdict;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the node's clock offset monitor into its tablet server (issue 5, "clock discipline"): while
 * the monitor has evidence that this node's clock is off from a majority (a fenced verdict with at
 * least one peer certainly beyond the bound), the tablet server refuses to assign timestamps
 * (CLOCK_FENCED, naming the offsets) and, every {@value #SHED_EVERY_MILLIS} ms, hands the
 * leadership of its tablets to other replicas, so the cluster keeps serving. Once the verdict
 * clears, the node serves again and may win leadership back.
 *
 * <p>Rejected: refusing on a verdict fenced only by <em>unreachable</em> peers. Every node is in
 * that state for the first sampling round after start, and a leader cut off from a majority cannot
 * commit through Raft anyway; refusing then would only stall start-up. The cost: a node whose clock
 * is off AND whose monitor cannot reach its peers (while Raft still can) is not fenced; recorded in
 * docs/design/transactions.md.
 */
final class ClockDiscipline implements ClockGate {
  private static final Logger LOG = LoggerFactory.getLogger(ClockDiscipline.class);
  static final long SHED_EVERY_MILLIS = 1_000;

  /** How long one verdict answers the gate: the monitor samples only every 500 ms anyway. */
  static final long VERDICT_TTL_NANOS = 100_000_000L;

  private final String nodeId;
  private final ClockOffsetMonitor monitor;
  private final ClockJumpDetector jumps;
  private final long quarantineNanos;
  private volatile boolean wasFenced;
  private volatile Cached cached = new Cached(Long.MIN_VALUE, Optional.empty());

  /** A gate answer and when it was computed (System.nanoTime). */
  private record Cached(long atNanos, Optional<String> refusal) {}

  /**
   * @param jumps the node's clock, watched for steps: after one the node refuses timestamps for
   *     {@code quarantine} (long enough for every sample taken before the step to go stale), then
   *     the monitor's fresh samples decide
   */
  ClockDiscipline(
      String nodeId, ClockOffsetMonitor monitor, ClockJumpDetector jumps, Duration quarantine) {
    this.nodeId = nodeId;
    this.monitor = monitor;
    this.jumps = jumps;
    this.quarantineNanos = quarantine.toNanos();
  }

  /**
   * Asked on every write and leader read, so the verdict (which classifies every peer's samples and
   * builds the explanation text) is computed at most once per {@link #VERDICT_TTL_NANOS}.
   */
  @Override
  public Optional<String> refusal() {
    if (jumps.jumpedWithin(quarantineNanos)) {
      return Optional.of(
          "node "
              + nodeId
              + "'s clock stepped by "
              + jumps.lastJumpMicros() / 1000.0
              + " ms; timestamps are refused until the offset monitor has samples taken after the"
              + " step");
    }
    Cached c = cached;
    long now = System.nanoTime();
    if (c.atNanos() != Long.MIN_VALUE && now - c.atNanos() < VERDICT_TTL_NANOS) {
      return c.refusal();
    }
    FencingVerdict v = monitor.verdict();
    Optional<String> refusal = evidence(v) ? Optional.of(v.explanation()) : Optional.empty();
    cached = new Cached(now, refusal);
    return refusal;
  }

  private static boolean evidence(FencingVerdict v) {
    return v.fenced() && !v.disagreeing().isEmpty();
  }

  /** Gates the tablet server and sheds its leadership periodically while fenced. */
  ScheduledFuture<?> start(TabletServer tablets, ScheduledExecutorService scheduler) {
    tablets.setClockGate(this);
    return scheduler.scheduleWithFixedDelay(
        () -> round(tablets), SHED_EVERY_MILLIS, SHED_EVERY_MILLIS, TimeUnit.MILLISECONDS);
  }

  private void round(TabletServer tablets) {
    try {
      FencingVerdict v = monitor.verdict();
      boolean jumped = jumps.jumpedWithin(quarantineNanos);
      boolean fenced = jumped || evidence(v);
      if (fenced != wasFenced) {
        String why = jumped ? refusal().orElse("clock stepped") : v.explanation();
        LOG.warn("Node {}: clock {}: {}", nodeId, fenced ? "FENCED" : "back in bound", why);
        wasFenced = fenced;
      }
      if (fenced) {
        tablets.shedLeadership();
      }
    } catch (RuntimeException e) {
      LOG.warn("Node {}: clock discipline round failed", nodeId, e);
    }
  }
}
