package io.cesiumdb.server.demo;

import io.cesiumdb.common.fault.FaultPlan;
import io.cesiumdb.common.net.PortAllocator;
import io.cesiumdb.pd.service.PdPeer;
import io.cesiumdb.server.node.AdminBootstrap;
import io.cesiumdb.server.node.AdminCredentials;
import io.cesiumdb.server.node.Node;
import io.cesiumdb.server.node.NodeConfig;
import io.cesiumdb.server.node.NodeOptions;
import io.cesiumdb.server.node.PeerAddress;
import io.cesiumdb.server.rpc.PdClient;
import io.cesiumdb.truetime.EpsilonModel;
import io.cesiumdb.truetime.SimulatedClock;
import io.cesiumdb.truetime.TimeSource;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Several nodes in one JVM: each with its own simulated TrueTime on the real reference time, its
 * own data directory, and real loopback ports for its gRPC server and its Raft server. What {@code
 * cesium demo} runs and what every in-process integration test starts.
 *
 * <p>Ports are fixed when a node is created (picked free when the base port is 0), so a node that
 * is halted and restarted comes back at the same addresses. All nodes share one {@link FaultPlan},
 * so a test can cut or slow any link. The first {@link #PD_MEMBERS} nodes (by default) run the
 * placement driver and every started node joins it; {@link #addNode} adds nodes later that know
 * only join addresses, as {@code cesium start --join} does. {@link #stop} removes a node for good.
 */
public final class LocalCluster implements AutoCloseable {
  /**
   * Small honest offsets (µs) given to the nodes in turn, so the clock monitor has work to show.
   */
  private static final long[] OFFSETS_MICROS = {0, 300, -300, 150, -150};

  private static final int WARM_UP_ROUNDS = 5;

  /** One CreateUser attempt: PD readiness + a PBKDF2 hash (~0.2 s, more on a loaded machine). */
  private static final Duration ADMIN_CALL_DEADLINE = Duration.ofSeconds(15);

  /** How many nodes (the first ones) run a placement-driver member by default. */
  public static final int PD_MEMBERS = 3;

  private final NodeOptions options;
  private final String host;
  private final int basePort;
  private final Path dataDir;
  private final Map<String, NodeConfig> configs = new LinkedHashMap<>();
  private final Map<String, NodeOptions> nodeOptions = new LinkedHashMap<>();
  private final Map<String, SimulatedClock> clocks = new LinkedHashMap<>();
  private final EpsilonModel epsilon;
  private final Map<String, Node> running = new LinkedHashMap<>();
  private final Set<String> stopped = new HashSet<>();
  private List<PdPeer> pdPeers = List.of();
  private final String adminPassword;
  private AdminCredentials admin;

  private LocalCluster(LocalClusterBuilder b) {
    this.options = b.options.withClockSimulated(true);
    this.epsilon = b.epsilon;
    this.host = b.host;
    this.basePort = b.basePort;
    this.dataDir = b.dataDir;
    this.adminPassword =
        b.adminPassword != null
            ? b.adminPassword
            : AdminBootstrap.generatePassword(new SecureRandom());
  }

  /** A builder: node count, ports, PD members, PD config customiser, heartbeat interval. */
  public static LocalClusterBuilder builder() {
    return new LocalClusterBuilder();
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
    return builder()
        .nodes(count)
        .host(host)
        .basePort(basePort)
        .dataDir(dataDir)
        .options(options)
        .start();
  }

  static LocalCluster start(LocalClusterBuilder b) {
    LocalCluster cluster = new LocalCluster(b);
    try {
      for (int i = 1; i <= b.nodes; i++) {
        cluster.define(i);
      }
      cluster.pdPeers =
          cluster.configs.values().stream()
              .limit(b.pdMembers)
              .map(c -> new PdPeer(c.nodeId(), c.host() + ":" + c.pdRaftPort(), c.rpcAddress()))
              .toList();
      NodeOptions withPd = cluster.options.withPdPeers(cluster.pdPeers);
      cluster.configs.keySet().forEach(id -> cluster.nodeOptions.put(id, withPd));
      cluster.configs.keySet().forEach(cluster::launch);
      cluster.running.values().forEach(n -> n.connectPeers(cluster.addresses()));
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  /** Fixes node i's ports, data directory and clock. */
  private NodeConfig define(int i) {
    String id = "n" + i;
    int rpc = basePort == 0 ? PortAllocator.pick(host) : basePort + i;
    int raft = basePort == 0 ? PortAllocator.pick(host) : basePort + 100 + i;
    int pdRaft = basePort == 0 ? PortAllocator.pick(host) : basePort + 200 + i;
    NodeConfig config = new NodeConfig(id, host, rpc, raft, dataDir.resolve(id), pdRaft);
    configs.put(id, config);
    SimulatedClock clock = new SimulatedClock(id, TimeSource.system(), epsilon);
    clock.setOffsetMicros(OFFSETS_MICROS[(i - 1) % OFFSETS_MICROS.length]);
    clocks.put(id, clock);
    return config;
  }

  /**
   * Adds and starts one more node (the next id, n(N+1)) that knows no PD peers, only these join
   * addresses ({@code host:port} of any nodes' RPC): it asks them where the PD leader is and joins
   * it, as {@code cesium start --join} does. It samples every other node's clock; the nodes already
   * running do not sample its clock.
   */
  public synchronized Node addNode(List<String> joinAddresses) {
    if (joinAddresses.isEmpty()) {
      throw new IllegalArgumentException("a node added later needs a join address");
    }
    NodeConfig config = define(configs.size() + 1);
    nodeOptions.put(config.nodeId(), options.withJoinAddresses(joinAddresses));
    try {
      return restart(config.nodeId());
    } catch (RuntimeException e) {
      stopped.add(config.nodeId());
      throw e;
    }
  }

  /** {@link #addNode(List)} joining through every running node. */
  public Node addNode() {
    return addNode(nodes().stream().map(n -> n.address().target()).toList());
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
    if (stopped.contains(nodeId)) {
      throw new IllegalStateException(nodeId + " was stopped for good");
    }
    Node node = new Node(config(nodeId), clock(nodeId), nodeOptions.get(nodeId)).start();
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

  /**
   * Stops a node for good: halted if running (as if its machine died), and {@link #restart} refuses
   * it from now on. Its id stays in {@link #nodeIds()} and its address in {@link #addresses()}; the
   * placement driver sees it go SUSPECT, then DOWN.
   */
  public synchronized void stop(String nodeId) {
    config(nodeId);
    if (!stopped.add(nodeId)) {
      throw new IllegalStateException(nodeId + " is already stopped");
    }
    Node node = running.remove(nodeId);
    if (node != null) {
      node.halt();
    }
  }

  /** Whether {@link #stop} removed this node for good. */
  public synchronized boolean isStopped(String nodeId) {
    config(nodeId);
    return stopped.contains(nodeId);
  }

  /** The placement driver's members: the first {@link #PD_MEMBERS} nodes (all when fewer). */
  public List<PdPeer> pdPeers() {
    return pdPeers;
  }

  /**
   * Creates user {@value AdminBootstrap#ADMIN_USER} with the builder's password (random by default)
   * unless the cluster already has a user, waiting up to {@code timeout} for a PD leader. What
   * {@code cesium demo} runs after start to print the credentials once; tests that need a user call
   * it too (it is not part of {@link #start}, which does not wait for the PD).
   */
  public synchronized AdminCredentials bootstrapAdmin(Duration timeout) {
    List<String> seeds = pdPeers.stream().map(PdPeer::serviceAddress).toList();
    try (PdClient pd = new PdClient("local-cluster", seeds, ADMIN_CALL_DEADLINE)) {
      admin = AdminBootstrap.ensure(pd, adminPassword, timeout);
    }
    return admin;
  }

  /**
   * Waits until every node has joined the placement driver, up to {@code timeout} per node: what a
   * test needs before it serves SQL or talks to the PD through any node.
   */
  public void awaitJoined(Duration timeout)
      throws InterruptedException, ExecutionException, TimeoutException {
    for (Node n : nodes()) {
      n.joined().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** What the last {@link #bootstrapAdmin} returned, if it ran. */
  public synchronized Optional<AdminCredentials> adminCredentials() {
    return Optional.ofNullable(admin);
  }

  /** The addresses of every node's RPC, running or not. */
  public synchronized List<PeerAddress> addresses() {
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
  public synchronized List<String> nodeIds() {
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
  public synchronized NodeConfig config(String nodeId) {
    NodeConfig c = configs.get(nodeId);
    if (c == null) {
      throw new NoSuchElementException("no node " + nodeId);
    }
    return c;
  }

  /** The simulated clock of this node, for injecting clock faults. */
  public synchronized SimulatedClock clock(String nodeId) {
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
