package io.cesiumdb.pd.controller;

import com.google.protobuf.ByteString;
import io.cesiumdb.common.concurrent.NamedThreads;
import io.cesiumdb.pd.RoundResult;
import io.cesiumdb.pd.SchedulingRound;
import io.cesiumdb.pd.cluster.ClusterView;
import io.cesiumdb.pd.cluster.NodeInfo;
import io.cesiumdb.pd.cluster.NodeState;
import io.cesiumdb.pd.cluster.ReplicaRef;
import io.cesiumdb.pd.cluster.TabletInfo;
import io.cesiumdb.pd.operator.Operator;
import io.cesiumdb.pd.operator.OperatorExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PD leader's scheduling loop. Every {@code scheduleInterval} one round ({@link #runOnce}):
 *
 * <ol>
 *   <li>nothing unless this member is the ready PD leader;
 *   <li>a {@link ClusterView} from the applied directory and registry, node states from heartbeat
 *       ages under the liveness policy, the tablets with an operator or split in flight pending;
 *   <li>report tracking ({@link ReplicaReportTracker}): a replica its UP node has not reported for
 *       longer than the report grace is marked lost in the view, so the replica checker replaces it
 *       like one on a DOWN node;
 *   <li>a node that an operator failed to move work to cools ({@link FailedTargets}) until its next
 *       heartbeat: balancing sends it nothing meanwhile;
 *   <li>{@link SchedulingRound} (repairs, then balance); operators start through the {@link
 *       OperatorExecutor}, in order, at most {@code maxInFlightOperators} at once and one per
 *       tablet;
 *   <li>auto-split: a tablet whose leader reported more than {@code splitThresholdBytes} is split
 *       through the {@link SplitFlow} (the tablet's leader picks the middle), sharing the budget;
 *   <li>orphan GC: a node that has reported a known tablet the directory does not place on it for
 *       longer than the grace gets RemoveReplica (best effort, once per occurrence, sharing the
 *       budget, the tablet pending meanwhile). Unknown tablet ids are left alone (a split the
 *       directory has not adopted yet), and so are tablets with anything in flight.
 * </ol>
 *
 * <p>HAZARD, leadership grace: for its first {@code downAfter} as leader a member treats DOWN nodes
 * as SUSPECT (no replacement). Heartbeat ages are only meaningful if someone was there to receive
 * heartbeats: after a PD outage every node looks dead until its next heartbeat.
 *
 * <p>Threads: one ticker thread runs rounds; operators and splits run on the executor's and split
 * flow's workers. Stops on {@link #close()}; a deposed leader's operators stop at their next step.
 */
public final class OperatorController implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OperatorController.class);

  private final LeaderContext ctx;
  private final OperatorExecutor executor;
  private final SplitFlow splits;
  private final SchedulingRound round;
  private final ScheduledExecutorService ticker;
  private final ConcurrentHashMap<Long, String> inFlight = new ConcurrentHashMap<>();
  private final ReplicaReportTracker reports = new ReplicaReportTracker();
  private final FailedTargets failedTargets = new FailedTargets();
  private long leaderSinceMicros = -1; // guarded by this
  private volatile boolean closed;

  public OperatorController(
      LeaderContext ctx, OperatorExecutor executor, SplitFlow splits, String name) {
    this.ctx = ctx;
    this.executor = executor;
    this.splits = splits;
    this.round = SchedulingRound.defaults();
    this.ticker =
        Executors.newSingleThreadScheduledExecutor(
            new NamedThreads("cesium-" + name + "-pd-controller"));
  }

  /** Starts the periodic rounds. */
  public OperatorController start() {
    long every = ctx.config().scheduleInterval().toNanos();
    ticker.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.NANOSECONDS);
    return this;
  }

  private void tick() {
    try {
      runOnce();
    } catch (RuntimeException e) {
      LOG.warn("PD controller round failed", e);
    }
  }

  /**
   * One round (what the ticker runs; tests call it directly).
   *
   * @return the operators and splits it started, completing when each finished
   */
  public synchronized List<CompletableFuture<Void>> runOnce() {
    if (closed || !ctx.log().isLeader()) {
      if (leaderSinceMicros >= 0) {
        LOG.info("PD controller idle: not the leader");
      }
      leaderSinceMicros = -1;
      reports.clear();
      failedTargets.clear();
      return List.of();
    }
    long now = ctx.log().nowMicros();
    if (leaderSinceMicros < 0) {
      leaderSinceMicros = now;
      LOG.info("PD controller active on the leader");
    }
    Set<Long> pending = inFlight();
    ClusterView view = ctx.log().read(s -> s.toClusterView(ctx.liveness(), now, pending));
    ReplicaReportTracker.Findings found = reports.observe(view, now, reportGraceMicros());
    view = view.withLostReplicas(found.lost()).withCooling(failedTargets.cooling(this::heardAt));
    if (now - leaderSinceMicros < ctx.liveness().downAfter().toNanos() / 1000) {
      view = withoutDown(view);
    }
    List<CompletableFuture<Void>> started = new ArrayList<>();
    RoundResult result = round.run(view);
    result.unresolved().forEach(u -> LOG.debug("unresolved: {}", u));
    for (Operator op : result.operators()) {
      if (hasBudget() && !pending.contains(op.tabletId())) {
        started.add(start(op));
      }
    }
    startSplits(view, pending, started);
    for (ReplicaRef orphan : found.orphansDue()) {
      if (hasBudget() && !inFlight().contains(orphan.tabletId())) {
        started.add(removeOrphan(orphan));
      }
    }
    return started;
  }

  private long reportGraceMicros() {
    return ctx.config().reportGrace(ctx.liveness().downAfter()).toNanos() / 1000;
  }

  /** RemoveReplica of an orphan, best effort; the tablet is pending until it answers. */
  private CompletableFuture<Void> removeOrphan(ReplicaRef orphan) {
    String what = "orphan-gc/" + orphan;
    inFlight.put(orphan.tabletId(), what);
    reports.removalStarted(orphan);
    LOG.info(
        "{} started: node {} reports tablet {}, which the directory does not place there",
        what,
        orphan.nodeId(),
        orphan.tabletId());
    long t0 = System.nanoTime();
    CompletableFuture<Void> call;
    try {
      call = ctx.tablets().removeReplica(ctx.replica(orphan.nodeId()), orphan.tabletId());
    } catch (RuntimeException e) {
      call = CompletableFuture.failedFuture(e);
    }
    return call.whenComplete(
        (v, e) -> {
          if (e != null) {
            reports.removalFailed(orphan);
          }
          finished(orphan.tabletId(), what, t0, e);
        });
  }

  /** Tablets with an operator or a split in flight. */
  public Set<Long> inFlight() {
    Set<Long> out = new TreeSet<>(inFlight.keySet());
    out.addAll(splits.inFlight());
    return out;
  }

  private boolean hasBudget() {
    return inFlight.size() < ctx.config().maxInFlightOperators();
  }

  private CompletableFuture<Void> start(Operator op) {
    inFlight.put(op.tabletId(), op.id());
    LOG.info("operator {} started: {} ({})", op.id(), op.steps(), op.reason());
    long t0 = System.nanoTime();
    return executor
        .execute(op)
        .whenComplete(
            (v, t) -> {
              if (t != null) {
                failedTargets.failed(op, ctx.log().nowMicros());
              }
              finished(op.tabletId(), op.id(), t0, t);
            });
  }

  private OptionalLong heardAt(String nodeId) {
    return ctx.log()
        .read(s -> s.node(nodeId))
        .map(n -> OptionalLong.of(n.getLastHeartbeatMicros()))
        .orElse(OptionalLong.empty());
  }

  private void startSplits(
      ClusterView view, Set<Long> pending, List<CompletableFuture<Void>> started) {
    long threshold = ctx.config().splitThresholdBytes();
    if (threshold <= 0) {
      return;
    }
    for (TabletInfo t : view.tablets()) {
      long id = t.tabletId();
      if (t.approximateSizeBytes() > threshold
          && hasBudget()
          && !pending.contains(id)
          && !inFlight.containsKey(id)) {
        String what = "split/t" + id + "@e" + t.epoch();
        inFlight.put(id, what);
        LOG.info("{} started: {} bytes > {}", what, t.approximateSizeBytes(), threshold);
        long t0 = System.nanoTime();
        started.add(
            splits
                .split(id, t.epoch(), ByteString.EMPTY)
                .<Void>thenApply(h -> null)
                .whenComplete((v, e) -> finished(id, what, t0, e)));
      }
    }
  }

  private void finished(long tabletId, String what, long t0, Throwable failure) {
    inFlight.remove(tabletId, what);
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    if (failure == null) {
      LOG.info("{} finished in {} ms", what, ms);
    } else {
      LOG.warn("{} failed after {} ms: {}", what, ms, failure.toString());
    }
  }

  /** The view with DOWN nodes shown as SUSPECT: nothing is replaced, nothing new goes there. */
  private static ClusterView withoutDown(ClusterView view) {
    List<NodeInfo> nodes =
        view.nodes().stream()
            .map(n -> n.state() == NodeState.DOWN ? n.withState(NodeState.SUSPECT) : n)
            .toList();
    return view.withNodes(nodes);
  }

  /** Stops the rounds; running operators stop at their next step when the PD closes. */
  @Override
  public void close() {
    closed = true;
    ticker.shutdownNow();
  }
}
