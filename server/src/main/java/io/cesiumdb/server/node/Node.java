package io.cesiumdb.server.node;

import io.cesiumdb.server.rpc.GrpcClockPeer;
import io.cesiumdb.server.rpc.NodeRpcServer;
import io.cesiumdb.truetime.ClockOffsetMonitor;
import io.cesiumdb.truetime.ClockPeer;
import io.cesiumdb.truetime.ClockSource;
import io.cesiumdb.truetime.TrueTime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One CesiumDB node: its TrueTime, its node RPC, and the clock offset monitor that runs over it.
 * Later issues add the tablet server, the placement driver replica and the SQL front end here.
 *
 * <p>Lifecycle: {@link #start()} binds the RPC port; {@link #connectPeers} points the monitor at
 * the other nodes; {@link #close()} stops everything and may be called more than once.
 */
public final class Node implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Node.class);

  private final NodeConfig config;
  private final ClockSource clock;
  private final TrueTime trueTime;
  private final boolean clockSimulated;
  private final List<GrpcClockPeer> peers = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService scheduler;
  private final ClockOffsetMonitor monitor;
  private NodeRpcServer rpc;

  /** Creates a stopped node; {@code clockSimulated} says whether clock faults may be injected. */
  public Node(NodeConfig config, ClockSource clock, boolean clockSimulated) {
    this(config, clock, clockSimulated, ClockOffsetMonitor.Config.defaults());
  }

  public Node(
      NodeConfig config,
      ClockSource clock,
      boolean clockSimulated,
      ClockOffsetMonitor.Config monitorConfig) {
    this.config = config;
    this.clock = clock;
    this.clockSimulated = clockSimulated;
    this.trueTime = TrueTime.of(clock);
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "clock-monitor-" + config.nodeId());
              t.setDaemon(true);
              return t;
            });
    this.monitor =
        new ClockOffsetMonitor(
            config.nodeId(), clock, () -> List.<ClockPeer>copyOf(peers), monitorConfig);
  }

  /** Creates the data directory and binds the node RPC. */
  public Node start() {
    try {
      Files.createDirectories(config.dataDir());
      rpc = NodeRpcServer.start(config, trueTime, clockSimulated);
    } catch (IOException e) {
      throw new UncheckedIOException("node " + config.nodeId() + " failed to start", e);
    }
    LOG.info("node {} listening on {}:{}", config.nodeId(), config.host(), rpcPort());
    return this;
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

  /** The address other nodes use to reach this one. */
  public PeerAddress address() {
    return new PeerAddress(config.nodeId(), config.host(), rpcPort());
  }

  public int rpcPort() {
    return rpc == null ? config.rpcPort() : rpc.port();
  }

  public NodeConfig config() {
    return config;
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

  @Override
  public void close() {
    monitor.close();
    scheduler.shutdownNow();
    peers.forEach(GrpcClockPeer::close);
    peers.clear();
    if (rpc != null) {
      rpc.close();
      rpc = null;
    }
  }
}
