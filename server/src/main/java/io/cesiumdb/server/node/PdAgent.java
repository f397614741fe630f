package io.cesiumdb.server.node;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.proto.placement.HeartbeatRequest;
import io.cesiumdb.proto.placement.HeartbeatResponse;
import io.cesiumdb.proto.placement.JoinRequest;
import io.cesiumdb.proto.placement.JoinResponse;
import io.cesiumdb.server.rpc.PdClient;
import io.cesiumdb.server.rpc.PdLeader;
import io.cesiumdb.tablet.TabletServer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's side of the placement driver: on start it joins (node id, RPC and Raft addresses) at the
 * PD leader, found from the seeds ({@link NodeOptions#pdSeeds()}: PD members or any node, asked
 * GetLeader) and NOT_LEADER hints, retrying until {@link #JOIN_DEADLINE}; then it heartbeats every
 * interval with its data directory's size and, per hosted tablet, leadership, approximate size and
 * the replica's descriptor ({@link TabletReports}). One daemon thread; the {@link PdClient}'s
 * channels close with the agent.
 */
final class PdAgent implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PdAgent.class);

  static final Duration JOIN_DEADLINE = Duration.ofSeconds(60);
  private static final Duration CALL_DEADLINE = Duration.ofSeconds(3);
  private static final Duration DISK_MEASURE_MAX_AGE = Duration.ofSeconds(5);
  private static final long RETRY_PAUSE_MILLIS = 200;

  private final String nodeId;
  private final JoinRequest join;
  private final Supplier<TabletServer> tablets;
  private final DataDirSize disk;
  private final Duration interval;
  private final PdClient pd;
  private final ScheduledExecutorService thread;
  private final CompletableFuture<Void> joined = new CompletableFuture<>();
  private volatile boolean closed;

  PdAgent(
      NodeConfig config,
      List<String> seeds,
      String rpcAddress,
      String raftAddress,
      Supplier<TabletServer> tablets,
      Duration interval) {
    this.nodeId = config.nodeId();
    this.join =
        JoinRequest.newBuilder()
            .setNodeId(nodeId)
            .setRpcAddress(rpcAddress)
            .setRaftAddress(raftAddress)
            .build();
    this.tablets = tablets;
    this.disk = new DataDirSize(config.dataDir(), DISK_MEASURE_MAX_AGE);
    this.interval = interval;
    this.pd = seeds.isEmpty() ? null : new PdClient(nodeId, seeds, CALL_DEADLINE);
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "node-pd-agent-" + nodeId);
              t.setDaemon(true);
              return t;
            });
  }

  /** Joins in the background, then heartbeats. */
  PdAgent start() {
    if (pd == null) {
      joined.completeExceptionally(new IllegalStateException("no PD member or join address"));
      return this;
    }
    thread.execute(this::joinLoop);
    return this;
  }

  /** Completes once the PD has registered this node. */
  CompletableFuture<Void> joined() {
    return joined;
  }

  /** The PD leader this agent last reached or was pointed at. */
  Optional<PdLeader> knownLeader() {
    return pd == null ? Optional.empty() : pd.knownLeader();
  }

  private void joinLoop() {
    long until = System.nanoTime() + JOIN_DEADLINE.toNanos();
    int attempt = 0;
    while (!closed && System.nanoTime() < until) {
      try {
        pd.call(stub -> stub.join(join), JoinResponse::getError);
        LOG.info(
            "node {} joined the placement driver (leader {})",
            nodeId,
            knownLeader().map(l -> l.nodeId() + " at " + l.address()).orElse("unknown"));
        joined.complete(null);
        thread.scheduleWithFixedDelay(
            this::heartbeat, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return;
      } catch (CesiumException e) {
        if (++attempt % 25 == 0) {
          LOG.info("node {} still joining the placement driver: {}", nodeId, e.getMessage());
        }
      }
      pause();
    }
    if (!closed) {
      LOG.warn("node {} could not join the placement driver within {}", nodeId, JOIN_DEADLINE);
      joined.completeExceptionally(
          new IllegalStateException("node " + nodeId + " could not join the placement driver"));
    }
  }

  private void heartbeat() {
    try {
      HeartbeatRequest.Builder req = HeartbeatRequest.newBuilder().setNodeId(nodeId);
      TabletServer ts = tablets.get();
      if (ts != null) {
        req.addAllTablets(TabletReports.of(ts));
      }
      req.setDiskUsedBytes(disk.bytes());
      HeartbeatRequest request = req.build();
      pd.call(stub -> stub.heartbeat(request), HeartbeatResponse::getError);
    } catch (RuntimeException e) {
      LOG.debug("node {} heartbeat failed", nodeId, e);
    }
  }

  private void pause() {
    try {
      Thread.sleep(RETRY_PAUSE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed = true;
    }
  }

  @Override
  public void close() {
    closed = true;
    thread.shutdownNow();
    if (pd != null) {
      pd.close();
    }
    joined.completeExceptionally(new IllegalStateException("node stopped"));
  }
}
