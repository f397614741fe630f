package io.cesiumdb.truetime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Measures this node's clock offset against its peers and fences the node when a majority cannot
 * confirm that its clock is within the maximum offset (the idea of CockroachDB's
 * RemoteClockMonitor, our own code).
 *
 * <p>Each round ({@link #sampleOnce()}) asks every peer for its {@code TrueTime.now()} and records
 * a {@link PeerOffset}. The {@link #verdict()} uses, per peer, the least uncertain of the last
 * {@code samplesKept} samples that are fresh on the local {@link ClockSource#timeSource()} (never
 * on the skewable local clock). A peer agrees if {@code |offset| − uncertainty <= maxOffset},
 * disagrees if it is certainly beyond, and counts as unreachable without a fresh sample. The node
 * is healthy iff itself plus the agreeing peers are a majority of the cluster — fail-closed: with
 * peers but no samples yet, it is fenced.
 *
 * <p>Threading: {@link #start} runs a round every {@code sampleIntervalMicros} on the given
 * scheduler; replies are recorded on whichever thread completes the peer's future. A reply that
 * takes longer than the sample interval is dropped. {@link #verdict()} and {@link
 * #checkNotFenced()} may be called from any thread and are computed on each call.
 */
public final class ClockOffsetMonitor implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(ClockOffsetMonitor.class.getName());

  private final String selfId;
  private final ClockSource local;
  private final Supplier<List<ClockPeer>> peers;
  private final Config config;
  private final Map<String, PeerSamples> samples = new ConcurrentHashMap<>();
  private volatile ScheduledFuture<?> schedule;
  private volatile boolean closed;
  private volatile boolean lastFenced = true;

  /**
   * The monitor's bounds.
   *
   * @param maxOffsetMicros the largest tolerated offset between two nodes
   * @param sampleIntervalMicros time between rounds; also each sample's timeout
   * @param staleAfterMicros age (on the reference time source) after which a sample is ignored
   * @param samplesKept samples remembered per peer
   */
  public record Config(
      long maxOffsetMicros, long sampleIntervalMicros, long staleAfterMicros, int samplesKept) {

    /** Validates that every bound is positive. */
    public Config {
      if (maxOffsetMicros <= 0
          || sampleIntervalMicros <= 0
          || staleAfterMicros <= 0
          || samplesKept <= 0) {
        throw new IllegalArgumentException(
            String.format(
                "clock monitor bounds must be positive: maxOffset=%d sampleInterval=%d"
                    + " staleAfter=%d samplesKept=%d",
                maxOffsetMicros, sampleIntervalMicros, staleAfterMicros, samplesKept));
      }
    }

    /**
     * Returns max offset 14 ms (twice Spanner's worst ε of 7 ms: two honest nodes can read 2ε
     * apart), a round every 500 ms, samples stale after 3 s, 8 samples kept per peer.
     */
    public static Config defaults() {
      return new Config(14_000, 500_000, 3_000_000, 8);
    }
  }

  /**
   * Creates a monitor; call {@link #start} or drive rounds with {@link #sampleOnce()}.
   *
   * @param peers supplies the current peers (every other node of the cluster) on each round
   */
  public ClockOffsetMonitor(
      String selfId, ClockSource local, Supplier<List<ClockPeer>> peers, Config config) {
    if (selfId == null || local == null || peers == null || config == null) {
      throw new IllegalArgumentException("selfId, local clock, peers and config are required");
    }
    this.selfId = selfId;
    this.local = local;
    this.peers = peers;
    this.config = config;
  }

  /** Returns this monitor's configuration. */
  public Config config() {
    return config;
  }

  /**
   * Runs one round: samples every peer once. The future completes when every peer has answered,
   * failed or timed out (after {@code sampleIntervalMicros}); failures simply leave no sample. It
   * fails only if the peer supplier throws; this method itself never throws.
   */
  public CompletableFuture<Void> sampleOnce() {
    try {
      Map<String, ClockPeer> current = currentPeers();
      samples.keySet().retainAll(current.keySet());
      CompletableFuture<?>[] round =
          current.values().stream().map(this::sample).toArray(CompletableFuture[]::new);
      return CompletableFuture.allOf(round).thenRun(this::logTransition);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * Samples every {@code sampleIntervalMicros} on {@code scheduler} until {@link #close()}.
   *
   * @throws IllegalStateException if already started or closed
   */
  public synchronized void start(ScheduledExecutorService scheduler) {
    if (closed || schedule != null) {
      throw new IllegalStateException("clock offset monitor of " + selfId + " already started");
    }
    long interval = config.sampleIntervalMicros();
    schedule =
        scheduler.scheduleAtFixedRate(this::scheduledRound, 0, interval, TimeUnit.MICROSECONDS);
  }

  /** Returns the current verdict, computed from the fresh samples. */
  public FencingVerdict verdict() {
    long freshSince = local.timeSource().nowMicros() - config.staleAfterMicros();
    List<PeerOffset> agreeing = new ArrayList<>();
    List<PeerOffset> disagreeing = new ArrayList<>();
    List<String> unreachable = new ArrayList<>();
    for (String peerId : currentPeers().keySet()) {
      PeerSamples history = samples.get(peerId);
      var best = history == null ? null : history.bestFresh(freshSince).orElse(null);
      if (best == null) {
        unreachable.add(peerId);
      } else if (best.certainlyBeyond(config.maxOffsetMicros())) {
        disagreeing.add(best);
      } else {
        agreeing.add(best);
      }
    }
    return FencingVerdict.decide(
        selfId, config.maxOffsetMicros(), agreeing, disagreeing, unreachable);
  }

  /**
   * Returns normally if the node is healthy.
   *
   * @throws ClockFencedException carrying the verdict if the node is fenced
   */
  public void checkNotFenced() {
    FencingVerdict verdict = verdict();
    if (verdict.fenced()) {
      throw new ClockFencedException(verdict);
    }
  }

  /** Stops scheduled sampling; verdicts remain available (and go stale). */
  @Override
  public synchronized void close() {
    closed = true;
    if (schedule != null) {
      schedule.cancel(false);
    }
  }

  private CompletableFuture<Void> sample(ClockPeer peer) {
    long t0 = local.readMicros();
    try {
      return peer.sampleClock()
          .copy()
          .orTimeout(config.sampleIntervalMicros(), TimeUnit.MICROSECONDS)
          .handle((interval, failure) -> record(peer.nodeId(), t0, interval, failure));
    } catch (RuntimeException misbehavingPeer) {
      return CompletableFuture.completedFuture(null);
    }
  }

  private Void record(String peerId, long t0, TTInterval interval, Throwable failure) {
    long t2 = local.readMicros();
    if (failure != null || interval == null || t2 < t0) {
      return null;
    }
    long sampledAt = local.timeSource().nowMicros();
    PeerOffset offset = PeerOffset.estimate(peerId, t0, interval, t2, sampledAt);
    samples.computeIfAbsent(peerId, id -> new PeerSamples(config.samplesKept())).add(offset);
    return null;
  }

  /** Returns the current peers by id, in supplier order, without this node itself. */
  private Map<String, ClockPeer> currentPeers() {
    Map<String, ClockPeer> byId = new LinkedHashMap<>();
    for (ClockPeer peer : peers.get()) {
      if (!peer.nodeId().equals(selfId)) {
        byId.putIfAbsent(peer.nodeId(), peer);
      }
    }
    return byId;
  }

  /** A failed round is logged; it must not throw, which would cancel all later rounds. */
  private void scheduledRound() {
    sampleOnce()
        .whenComplete(
            (ok, failure) -> {
              if (failure != null) {
                LOG.log(
                    System.Logger.Level.WARNING,
                    "clock offset round of " + selfId + " failed: " + failure);
              }
            });
  }

  private void logTransition() {
    FencingVerdict verdict = verdict();
    if (verdict.fenced() != lastFenced) {
      lastFenced = verdict.fenced();
      var level = verdict.fenced() ? System.Logger.Level.ERROR : System.Logger.Level.INFO;
      LOG.log(level, verdict.explanation());
    }
  }
}
