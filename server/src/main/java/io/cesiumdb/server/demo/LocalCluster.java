package io.cesiumdb.server.demo;

import io.cesiumdb.server.node.Node;
import io.cesiumdb.server.node.NodeConfig;
import io.cesiumdb.server.node.PeerAddress;
import io.cesiumdb.truetime.EpsilonModel;
import io.cesiumdb.truetime.SimulatedClock;
import io.cesiumdb.truetime.TimeSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;

/**
 * Several nodes in one JVM, each with its own simulated TrueTime on the real reference time and its
 * own node RPC on a real loopback port. What {@code cesium demo} and the integration tests start.
 */
public final class DemoCluster implements AutoCloseable {
  /** Small honest offsets (µs) given to the demo nodes in turn, so the monitor has work to show. */
  private static final long[] DEMO_OFFSETS_MICROS = {0, 300, -300, 150, -150};

  private static final int WARM_UP_ROUNDS = 5;

  private final List<Node> nodes;
  private final List<SimulatedClock> clocks;

  private DemoCluster(List<Node> nodes, List<SimulatedClock> clocks) {
    this.nodes = nodes;
    this.clocks = clocks;
  }

  /**
   * Starts {@code count} nodes named n1..nN; node i listens on {@code basePort + i} (all on free
   * ports when {@code basePort} is 0) and owns {@code dataDir/ni}.
   */
  public static DemoCluster start(int count, String host, int basePort, Path dataDir) {
    List<Node> nodes = new ArrayList<>();
    List<SimulatedClock> clocks = new ArrayList<>();
    try {
      for (int i = 1; i <= count; i++) {
        String id = "n" + i;
        SimulatedClock clock =
            new SimulatedClock(id, TimeSource.system(), EpsilonModel.spannerDefault());
        clock.setOffsetMicros(DEMO_OFFSETS_MICROS[(i - 1) % DEMO_OFFSETS_MICROS.length]);
        int port = basePort == 0 ? 0 : basePort + i;
        nodes.add(
            new Node(new NodeConfig(id, host, port, dataDir.resolve(id)), clock, true).start());
        clocks.add(clock);
      }
    } catch (RuntimeException e) {
      nodes.forEach(Node::close);
      throw e;
    }
    List<PeerAddress> addresses = nodes.stream().map(Node::address).toList();
    nodes.forEach(n -> n.connectPeers(addresses));
    return new DemoCluster(List.copyOf(nodes), List.copyOf(clocks));
  }

  /**
   * Runs a few sampling rounds so the first table is not dominated by JVM and connection warm-up
   * (the first round trips take tens of milliseconds).
   */
  public void warmUpClocks() {
    for (int i = 0; i < WARM_UP_ROUNDS; i++) {
      sampleClocks();
    }
  }

  /** Runs one clock-sampling round on every node and waits for it. */
  public void sampleClocks() {
    CompletableFuture.allOf(
            nodes.stream()
                .map(n -> n.clockMonitor().sampleOnce())
                .toArray(CompletableFuture[]::new))
        .join();
  }

  public List<Node> nodes() {
    return nodes;
  }

  /** The node with this id. */
  public Node node(String nodeId) {
    return nodes.stream()
        .filter(n -> n.config().nodeId().equals(nodeId))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException("no node " + nodeId));
  }

  /** The simulated clock of this node, for injecting clock faults. */
  public SimulatedClock clock(String nodeId) {
    return clocks.get(nodes.indexOf(node(nodeId)));
  }

  @Override
  public void close() {
    nodes.forEach(Node::close);
  }
}
