package io.cesiumdb.server.node;

import io.cesiumdb.pd.cluster.LivenessPolicy;
import io.cesiumdb.pd.service.PlacementDriver;
import io.cesiumdb.pd.service.PlacementDriverConfig;
import io.cesiumdb.server.fault.FaultAdminRpc;
import io.cesiumdb.server.fault.UnsafeNoCommitWait;
import io.cesiumdb.server.rpc.GrpcClockPeer;
import io.cesiumdb.server.rpc.NodeRpcServer;
import io.cesiumdb.server.rpc.PdLeader;
import io.cesiumdb.server.rpc.PdLeaderRelay;
import io.cesiumdb.tablet.TabletServer;
import io.cesiumdb.tablet.TabletServerConfig;
import io.cesiumdb.truetime.ClockJumpDetector;
import io.cesiumdb.truetime.ClockOffsetMonitor;
import io.cesiumdb.truetime.ClockPeer;
import io.cesiumdb.truetime.ClockSource;
import io.cesiumdb.truetime.SimulatedClock;
import io.cesiumdb.truetime.TrueTime;
import io.grpc.BindableService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One CesiumDB node: its TrueTime, its tablet server (Ratis groups over one RocksDB), one gRPC
 * server for the node and tablet RPC, and the clock offset monitor. When {@link
 * NodeOptions#pdPeers()} names it, it also runs a placement-driver member (own Ratis port {@link
 * NodeConfig#pdRaftPort()}, state in {@code dataDir/pd}, PlacementService on the node's gRPC
 * server, config passed through {@link NodeOptions#pdConfig()}); with PD peers or join addresses
 * configured it joins the PD and heartbeats to it ({@link #joined()}), and a node without a PD
 * member answers GetLeader for it ({@link PdLeaderRelay}). A later issue adds the SQL front end.
 *
 * <p>Lifecycle: {@link #start()} opens the data directory and binds both ports; {@link
 * #connectPeers} points the clock monitor at the other nodes; {@link #close()} stops in order;
 * {@link #halt()} stops abruptly (tests: as if the process died). Both may be called repeatedly.
 *
 * <p>Faults: a node with a simulated clock also serves the fault admin RPC ({@link FaultAdminRpc},
 * outside the fault interceptor); {@link NodeOptions#commitWait()} false (negative control only)
 * turns off the replicas' commit wait and gives the coordinator an {@link UnsafeNoCommitWait}.
 */
public final class Node implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Node.class);

  private final NodeConfig config;
  private final NodeOptions options;
  private final ClockSource clock;
  private final ClockJumpDetector jumps;
  private final TrueTime trueTime;
  private ClockDiscipline discipline;
  private final List<GrpcClockPeer> peers = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService scheduler;
  private final ClockOffsetMonitor monitor;
  private volatile TabletServer tablets;
  private NodeRpcServer rpc;
  private PlacementDriver pd;
  private volatile PdAgent agent;
  private NodeSql sql;

  /**
   * Creates a stopped node.
   *
   * @throws IllegalArgumentException when commit wait is off without a simulated clock
   */
  public Node(NodeConfig config, ClockSource clock, NodeOptions options) {
    if (!options.commitWait() && !(options.clockSimulated() && clock instanceof SimulatedClock)) {
      throw new IllegalArgumentException(
          "commit wait may be disabled only on a node with a simulated clock (negative control)");
    }
    this.config = config;
    this.options = options;
    this.clock = clock;
    this.jumps = new ClockJumpDetector(clock, options.monitor().maxOffsetMicros() / 2);
    this.trueTime = TrueTime.of(jumps);
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "node-scheduler-" + config.nodeId());
              t.setDaemon(true);
              return t;
            });
    this.monitor =
        new ClockOffsetMonitor(
            config.nodeId(), jumps, () -> List.<ClockPeer>copyOf(peers), options.monitor());
  }

  /** Opens the data directory, starts the tablet server and binds the node's gRPC server. */
  public Node start() {
    if (ForkJoinPool.getCommonPoolParallelism() < 2) {
      LOG.warn(
          "Node {}: the common ForkJoinPool's parallelism is below 2, so Ratis' async stages run"
              + " on a new thread each; start the JVM with"
              + " -Djava.util.concurrent.ForkJoinPool.common.parallelism=4 (Main does)",
          config.nodeId());
    }
    try {
      Files.createDirectories(config.dataDir());
      tablets =
          TabletServer.start(
              new TabletServerConfig(
                      config.nodeId(),
                      config.host(),
                      config.raftPort(),
                      config.dataDir(),
                      options.raft(),
                      options.faults())
                  .withGc(options.gc())
                  .withCommitWait(options.commitWait()),
              trueTime);
      discipline = new ClockDiscipline(config.nodeId(), monitor, jumps, jumpQuarantine());
      discipline.start(tablets, scheduler);
      List<BindableService> more = new ArrayList<>();
      if (options.runsPd(config.nodeId())) {
        pd = PlacementDriver.start(pdConfig(), true);
        more.add(pd.rpcService());
      } else if (options.hasPlacementDriver()) {
        more.add(new PdLeaderRelay(this::knownPdLeader));
      }
      if (options.hasPlacementDriver()) {
        sql =
            NodeSql.start(
                config.nodeId(),
                config.host() + ":" + config.rpcPort(),
                options.pdSeeds(),
                coordinatorTrueTime());
        more.add(sql.service());
      }
      rpc =
          NodeRpcServer.start(
              config, trueTime, options, tablets.rpcService(), more, adminServices(), scheduler);
      if (options.hasPlacementDriver()) {
        agent =
            new PdAgent(
                    config,
                    options.pdSeeds(),
                    config.host() + ":" + rpcPort(),
                    tablets.raftAddress(),
                    () -> tablets,
                    options.heartbeatInterval())
                .start();
      }
    } catch (IOException e) {
      halt();
      throw new UncheckedIOException("node " + config.nodeId() + " failed to start", e);
    } catch (RuntimeException e) {
      halt();
      throw e;
    }
    LOG.info(
        "node {} serving RPC on {}:{} and Raft on {}",
        config.nodeId(),
        config.host(),
        rpcPort(),
        tablets.raftAddress());
    return this;
  }

  /**
   * The fault admin, only on a node whose clock is simulated: a production node serves none, so
   * fault injection there fails with UNIMPLEMENTED.
   */
  private List<BindableService> adminServices() {
    if (options.clockSimulated() && clock instanceof SimulatedClock simulated) {
      return List.of(new FaultAdminRpc(config.nodeId(), simulated, options.faults()));
    }
    return List.of();
  }

  /** The coordinator's TrueTime: without commit wait under the negative control. */
  private TrueTime coordinatorTrueTime() {
    TrueTime gated = new GatedTrueTime(config.nodeId(), trueTime, discipline);
    return options.commitWait() ? gated : new UnsafeNoCommitWait(gated);
  }

  /** After a clock step: until every sample taken before it is stale, plus one sampling round. */
  private Duration jumpQuarantine() {
    ClockOffsetMonitor.Config m = options.monitor();
    return Duration.ofNanos(
        TimeUnit.MICROSECONDS.toNanos(m.staleAfterMicros() + m.sampleIntervalMicros()));
  }

  private PlacementDriverConfig pdConfig() {
    PlacementDriverConfig base =
        new PlacementDriverConfig(
            config.nodeId(),
            config.host(),
            config.pdRaftPort(),
            config.pdDir(),
            options.pdPeers(),
            options.pdTuning(),
            LivenessPolicy.DEFAULT,
            clock::readMicros);
    return options.pdConfig().apply(base);
  }

  /** The PD leader as this node's agent last saw it (what a non-PD node answers GetLeader with). */
  public Optional<PdLeader> knownPdLeader() {
    PdAgent a = agent;
    return a == null ? Optional.empty() : a.knownLeader();
  }

  /** Connects the clock offset monitor to these peers and starts periodic sampling. */
  public void connectPeers(List<PeerAddress> addresses) {
    for (PeerAddress a : addresses) {
      if (!a.nodeId().equals(config.nodeId())) {
        peers.add(GrpcClockPeer.connect(config.nodeId(), a));
      }
    }
    monitor.start(scheduler);
  }

  /** The address other nodes use to reach this node's RPC. */
  public PeerAddress address() {
    return new PeerAddress(config.nodeId(), config.host(), rpcPort());
  }

  public int rpcPort() {
    return rpc == null ? config.rpcPort() : rpc.port();
  }

  /** {@code host:port} of this node's Ratis server. */
  public String raftAddress() {
    return tablets.raftAddress();
  }

  public NodeConfig config() {
    return config;
  }

  /**
   * Why this node refuses timestamps right now (its clock offset beyond the bound, or a recent
   * clock step), or empty when it serves. Empty before {@link #start}.
   */
  public Optional<String> clockRefusal() {
    return discipline == null ? Optional.empty() : discipline.refusal();
  }

  public ClockSource clock() {
    return clock;
  }

  public TrueTime trueTime() {
    return trueTime;
  }

  public ClockOffsetMonitor clockMonitor() {
    return monitor;
  }

  public TabletServer tablets() {
    return tablets;
  }

  /** This node's placement-driver member, if it runs one. */
  public Optional<PlacementDriver> placementDriver() {
    return Optional.ofNullable(pd);
  }

  /**
   * Completes once the placement driver has registered this node (fails if the node has neither PD
   * peers nor join addresses configured, could not join in time, or stopped).
   */
  public CompletableFuture<Void> joined() {
    PdAgent a = agent;
    return a == null
        ? CompletableFuture.failedFuture(new IllegalStateException("no placement driver"))
        : a.joined();
  }

  /** Orderly stop: RPC first, then the tablet server (which closes Raft and RocksDB in order). */
  @Override
  public void close() {
    stopPeripherals();
    if (pd != null) {
      pd.close();
      pd = null;
    }
    if (tablets != null) {
      tablets.close();
      tablets = null;
    }
  }

  /** Abrupt stop, as if the process died: no snapshot, no flush, no leadership hand-off. */
  public void halt() {
    stopPeripherals();
    if (pd != null) {
      pd.halt();
      pd = null;
    }
    if (tablets != null) {
      tablets.halt();
      tablets = null;
    }
  }

  private void stopPeripherals() {
    if (agent != null) {
      agent.close();
      agent = null;
    }
    monitor.close();
    scheduler.shutdownNow();
    peers.forEach(GrpcClockPeer::close);
    peers.clear();
    if (rpc != null) {
      rpc.close();
      rpc = null;
    }
    if (sql != null) {
      sql.close();
      sql = null;
    }
  }
}
