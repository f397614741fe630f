package io.cesiumdb.server.demo;

import io.cesiumdb.common.fault.FaultPlan;
import io.cesiumdb.pd.service.PdPeer;
import io.cesiumdb.server.node.Node;
import io.cesiumdb.server.node.NodeConfig;
import io.cesiumdb.server.node.NodeOptions;
import io.cesiumdb.server.node.PeerAddress;
import io.cesiumdb.truetime.EpsilonModel;
import io.cesiumdb.truetime.SimulatedClock;
import io.cesiumdb.truetime.TimeSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;

/**
 * Several nodes in one JVM: each with its own simulated TrueTime on the real reference time, its
 * own data directory, and real loopback ports for its gRPC server and its Raft server. What {@code
 * cesium demo} runs and what every in-process integration test starts.
 *
 * <p>Ports are fixed when the cluster is created (picked free when the base port is 0), so a node
 * that is halted and restarted comes back at the same addresses. All nodes share one {@link
 * FaultPlan}, so a test can cut or slow any link.
 */
public final class LocalCluster implements AutoCloseable {
  /**
   * Small honest offsets (µs) given to the nodes in turn, so the clock monitor has work to show.
   */
  private static final long[] OFFSETS_MICROS = {0, 300, -300, 150, -150};

  private static final int WARM_UP_ROUNDS = 5;

  /** How many nodes (the first ones) run a placement-driver member. */
  public static final int PD_MEMBERS = 3;

  private NodeOptions options;
  private final Map<String, NodeConfig> configs = new LinkedHashMap<>();
  private final Map<String, SimulatedClock> clocks = new LinkedHashMap<>();
  private final Map<String, Node> running = new LinkedHashMap<>();

  private LocalCluster(NodeOptions options) {
    this.options = options;
  }

  /**
   * Starts {@code count} nodes named n1..nN; node i serves RPC on {@code basePort + i}, Raft on
   * {@code basePort + 100 + i} and (n1..n3 only) its placement-driver member's Raft on {@code
   * basePort + 200 + i} (free ports when {@code basePort} is 0) and owns {@code dataDir/ni}. The
   * first three nodes (all when fewer) form the placement driver; every node joins it.
   */
  public static LocalCluster start(int count, String host, int basePort, Path dataDir) {
    return start(count, host, basePort, dataDir, NodeOptions.simulated());
  }

  /** As {@link #start(int, String, int, Path)}, with these options for every node. */
  public static LocalCluster start(
      int count, String host, int basePort, Path dataDir, NodeOptions options) {
    LocalCluster cluster = new LocalCluster(options.withClockSimulated(true));
    try {
      for (int i = 1; i <= count; i++) {
        String id = "n" + i;
        int rpc = basePort == 0 ? FreePorts.pick(host) : basePort + i;
        int raft = basePort == 0 ? FreePorts.pick(host) : basePort + 100 + i;
        int pdRaft = basePort == 0 ? FreePorts.pick(host) : basePort + 200 + i;
        cluster.configs.put(id, new NodeConfig(id, host, rpc, raft, dataDir.resolve(id), pdRaft));
        SimulatedClock clock =
            new SimulatedClock(id, TimeSource.system(), EpsilonModel.spannerDefault());
        clock.setOffsetMicros(OFFSETS_MICROS[(i - 1) % OFFSETS_MICROS.length]);
        cluster.clocks.put(id, clock);
      }
      cluster.options = cluster.options.withPdPeers(cluster.pdPeers());
      cluster.configs.keySet().forEach(cluster::launch);
      cluster.running.values().forEach(n -> n.connectPeers(cluster.addresses()));
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  /** Starts (again) the node with this id from its data directory, at its fixed ports. */
  public synchronized Node restart(String nodeId) {
    Node node = launch(nodeId);
    node.connectPeers(addresses());
    return node;
  }

  private synchronized Node launch(String nodeId) {
    if (running.containsKey(nodeId)) {
      throw new IllegalStateException(nodeId + " is running");
    }
    Node node = new Node(config(nodeId), clock(nodeId), options).start();
    running.put(nodeId, node);
    return node;
  }

  /** Stops a node abruptly, as if its process died: no flush, no snapshot, no hand-off. */
  public synchronized void halt(String nodeId) {
    Node node = running.remove(nodeId);
    if (node == null) {
      throw new IllegalStateException(nodeId + " is not running");
    }
    node.halt();
  }

  /** The placement driver's members: the first {@link #PD_MEMBERS} nodes (all when fewer). */
  public List<PdPeer> pdPeers() {
    return configs.values().stream()
        .limit(PD_MEMBERS)
        .map(c -> new PdPeer(c.nodeId(), c.host() + ":" + c.pdRaftPort(), c.rpcAddress()))
        .toList();
  }

  /** The addresses of every node's RPC, running or not. */
  public List<PeerAddress> addresses() {
    return configs.values().stream()
        .map(c -> new PeerAddress(c.nodeId(), c.host(), c.rpcPort()))
        .toList();
  }

  /** Runs a few clock-sampling rounds, so the first report is not dominated by warm-up. */
  public void warmUpClocks() {
    for (int i = 0; i < WARM_UP_ROUNDS; i++) {
      sampleClocks();
    }
  }

  /** Runs one clock-sampling round on every running node and waits for it. */
  public void sampleClocks() {
    CompletableFuture.allOf(
            nodes().stream()
                .map(n -> n.clockMonitor().sampleOnce())
                .toArray(CompletableFuture[]::new))
        .join();
  }

  /** The running nodes, in id order. */
  public synchronized List<Node> nodes() {
    return new ArrayList<>(running.values());
  }

  /** Every node id, running or not. */
  public List<String> nodeIds() {
    return List.copyOf(configs.keySet());
  }

  /** The running node with this id. */
  public synchronized Node node(String nodeId) {
    Node n = running.get(nodeId);
    if (n == null) {
      throw new NoSuchElementException("no running node " + nodeId);
    }
    return n;
  }

  /** Where the node lives, running or not. */
  public NodeConfig config(String nodeId) {
    NodeConfig c = configs.get(nodeId);
    if (c == null) {
      throw new NoSuchElementException("no node " + nodeId);
    }
    return c;
  }

  /** The simulated clock of this node, for injecting clock faults. */
  public SimulatedClock clock(String nodeId) {
    config(nodeId);
    return clocks.get(nodeId);
  }

  /** The network faults every node applies. */
  public FaultPlan faults() {
    return options.faults();
  }

  @Override
  public synchronized void close() {
    running.values().forEach(Node::close);
    running.clear();
  }
}
