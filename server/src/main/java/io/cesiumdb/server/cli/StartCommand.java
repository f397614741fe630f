package io.cesiumdb.server.cli;

import io.cesiumdb.server.node.Node;
import io.cesiumdb.server.node.NodeConfig;
import io.cesiumdb.server.node.NodeOptions;
import io.cesiumdb.server.node.PeerAddress;
import io.cesiumdb.truetime.ClockSource;
import io.cesiumdb.truetime.EpsilonModel;
import io.cesiumdb.truetime.SimulatedClock;
import io.cesiumdb.truetime.SystemClockSource;
import io.cesiumdb.truetime.TimeSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cesium start}: runs one node in this process until it is told to stop (SIGTERM or Ctrl-C
 * stops it in order; {@code kill -9} is the crash the durability tests inject).
 */
@Command(name = "start", description = "Run one CesiumDB node in this process.")
public final class StartCommand implements Callable<Integer> {

  /** What the command prints on stdout once the node serves; tests and scripts wait for it. */
  public static final String READY = "cesium node ready";

  enum ClockKind {
    system,
    simulated
  }

  @Option(names = "--node-id", required = true, description = "Stable name of this node.")
  String nodeId;

  @Option(
      names = "--host",
      defaultValue = NodeConfig.DEFAULT_HOST,
      description = "Listen and advertise address (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--rpc-port",
      defaultValue = "7101",
      description = "Node and tablet RPC port; 0 = free port (default: ${DEFAULT-VALUE}).")
  int rpcPort;

  @Option(
      names = "--raft-port",
      defaultValue = "7201",
      description = "Raft port; 0 = free port (default: ${DEFAULT-VALUE}).")
  int raftPort;

  @Option(names = "--data-dir", description = "Data directory (default: cesium-data/<node-id>).")
  Path dataDir;

  @Option(
      names = "--peer",
      description = "Another node's RPC address as ID=HOST:PORT; repeat for each peer.")
  List<String> peers = new ArrayList<>();

  @Option(
      names = "--clock",
      defaultValue = "system",
      description = "system, or simulated (allows clock faults) (default: ${DEFAULT-VALUE}).")
  ClockKind clockKind;

  @Option(
      names = "--epsilon-ms",
      defaultValue = "7",
      description =
          "Clock error bound for the system clock; must cover the host's NTP error"
              + " (default: ${DEFAULT-VALUE}).")
  double epsilonMs;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    Path dir = dataDir != null ? dataDir : Path.of("cesium-data", nodeId);
    NodeConfig config = new NodeConfig(nodeId, host, rpcPort, raftPort, dir);
    boolean simulated = clockKind == ClockKind.simulated;
    Node node =
        new Node(config, clock(simulated), NodeOptions.defaults().withClockSimulated(simulated));
    node.start();
    node.connectPeers(parsePeers());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  node.close();
                  stopped.countDown();
                },
                "cesium-shutdown"));
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "%s %s rpc=%s:%d raft=%s data=%s%n",
        READY, nodeId, host, node.rpcPort(), node.raftAddress(), dir.toAbsolutePath());
    out.flush();
    stopped.await();
    return 0;
  }

  private ClockSource clock(boolean simulated) {
    if (simulated) {
      return new SimulatedClock(nodeId, TimeSource.system(), EpsilonModel.spannerDefault());
    }
    return new SystemClockSource(EpsilonModel.fixed(Math.round(epsilonMs * 1000)));
  }

  private List<PeerAddress> parsePeers() {
    List<PeerAddress> out = new ArrayList<>();
    for (String p : peers) {
      String[] idAndAddress = p.split("=", 2);
      int colon = idAndAddress.length == 2 ? idAndAddress[1].lastIndexOf(':') : -1;
      if (colon < 0) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--peer must be ID=HOST:PORT, got " + p);
      }
      String address = idAndAddress[1];
      out.add(
          new PeerAddress(
              idAndAddress[0],
              address.substring(0, colon),
              Integer.parseInt(address.substring(colon + 1))));
    }
    return out;
  }
}
