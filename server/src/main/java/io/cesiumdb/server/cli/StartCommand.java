package io.cesiumdb.server.cli;

import io.cesiumdb.pd.service.PdPeer;
import io.cesiumdb.server.node.Node;
import io.cesiumdb.server.node.NodeConfig;
import io.cesiumdb.server.node.NodeOptions;
import io.cesiumdb.server.node.PeerAddress;
import io.cesiumdb.tablet.gc.GcConfig;
import io.cesiumdb.truetime.ClockOffsetMonitor;
import io.cesiumdb.truetime.ClockSource;
import io.cesiumdb.truetime.EpsilonModel;
import io.cesiumdb.truetime.SimulatedClock;
import io.cesiumdb.truetime.SystemClockSource;
import io.cesiumdb.truetime.TimeSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cesium start}: runs one node in this process until it is told to stop (SIGTERM or Ctrl-C
 * stops it in order; {@code kill -9} is the crash the durability tests inject). With {@code
 * --pd-peer} the node takes part in the placement driver (a member when its id is listed; the
 * members bootstrap the PD group when first started); with {@code --join} it finds the PD leader
 * through any existing node and registers there. See the server README for a 3-node cluster by hand
 * plus a 4th node.
 */
@Command(
    name = "start",
    description = "Run one CesiumDB node in this process.",
    footer = {
      "",
      "A 3-node cluster by hand (PD on all three, the same --pd-peer list on each):",
      "  PD=\"--pd-peer n1@127.0.0.1:7101:7301 --pd-peer n2@127.0.0.1:7102:7302",
      "      --pd-peer n3@127.0.0.1:7103:7303\"",
      "  cesium start --node-id n1 --rpc-port 7101 --raft-port 7201 $PD",
      "  cesium start --node-id n2 --rpc-port 7102 --raft-port 7202 $PD",
      "  cesium start --node-id n3 --rpc-port 7103 --raft-port 7203 $PD",
      "A 4th node, a plain tablet node joining through any existing node:",
      "  cesium start --node-id n4 --rpc-port 7104 --raft-port 7204 \\",
      "    --join 127.0.0.1:7101",
      "Then: cesium status --url 127.0.0.1:7104"
    })
public final class StartCommand implements Callable<Integer> {

  /** What the command prints on stdout once the node serves; tests and scripts wait for it. */
  public static final String READY = "cesium node ready";

  /**
   * The hidden negative-control switch: exists only to prove that the consistency suite catches the
   * violation commit wait prevents.
   */
  public static final String UNSAFE_DISABLE_COMMIT_WAIT = "--unsafe-disable-commit-wait";

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
      names = "--pd-raft-port",
      description =
          "Port of this node's placement-driver member's own Raft server (default: the port its"
              + " --pd-peer entry names).")
  Integer pdRaftPort;

  @Option(
      names = "--pd-peer",
      paramLabel = PdPeerSpec.FORMAT,
      description =
          "A placement-driver member; repeat for each (the same list on every member). A node"
              + " whose id is listed runs a member; the members bootstrap the PD group.")
  List<String> pdPeers = new ArrayList<>();

  @Option(
      names = "--join",
      paramLabel = "HOST:RPC_PORT",
      description =
          "Any existing node's RPC address; the node asks it where the PD leader is and joins."
              + " Repeatable. Without --pd-peer the node is a plain tablet node.")
  List<String> joins = new ArrayList<>();

  @Option(
      names = "--clock",
      defaultValue = "system",
      description = "system, or simulated (allows clock faults) (default: ${DEFAULT-VALUE}).")
  ClockKind clockKind;

  @Option(
      names = "--epsilon-ms",
      description =
          "Clock error bound ε. System clock: must cover the host's NTP error (default: 7)."
              + " Simulated clock: a fixed ε instead of Spanner's 1-7 ms sawtooth (the default),"
              + " for test clusters whose faults are sized in ε.")
  Double epsilonMs;

  /** ε of the system clock when --epsilon-ms is not given. */
  static final double DEFAULT_SYSTEM_EPSILON_MS = 7;

  @Option(
      names = "--gc-retention-minutes",
      defaultValue = "60",
      description =
          "How long overwritten row versions stay readable (snapshot reads, time travel) before"
              + " garbage collection removes them; 0 keeps only the latest (default: ${DEFAULT-VALUE}).")
  long gcRetentionMinutes;

  @Option(
      names = UNSAFE_DISABLE_COMMIT_WAIT,
      hidden = true,
      description =
          "NEGATIVE CONTROL ONLY: no commit wait in replicas or the coordinator, so the node is"
              + " not externally consistent. Refused unless --clock simulated.")
  boolean unsafeDisableCommitWait;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    Path dir = dataDir != null ? dataDir : Path.of("cesium-data", nodeId);
    List<PdPeer> members = parsePdPeers();
    NodeConfig config = new NodeConfig(nodeId, host, rpcPort, raftPort, dir, pdRaftPort(members));
    boolean simulated = clockKind == ClockKind.simulated;
    Node node = new Node(config, clock(simulated), options(simulated, members));
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
      EpsilonModel model =
          epsilonMs == null
              ? EpsilonModel.spannerDefault()
              : EpsilonModel.fixed(epsilonMicros(epsilonMs));
      return new SimulatedClock(nodeId, TimeSource.system(), model);
    }
    double ms = epsilonMs == null ? DEFAULT_SYSTEM_EPSILON_MS : epsilonMs;
    return new SystemClockSource(EpsilonModel.fixed(epsilonMicros(ms)));
  }

  private long epsilonMicros(double ms) {
    if (!(ms > 0) || ms > 10_000) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--epsilon-ms must be in (0, 10000], got " + ms);
    }
    return Math.round(ms * 1000);
  }

  NodeOptions options(boolean simulated, List<PdPeer> members) {
    for (String j : joins) {
      if (!HostPort.valid(j)) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--join must be HOST:RPC_PORT, got " + j);
      }
    }
    if (gcRetentionMinutes < 0) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--gc-retention-minutes must be >= 0, got " + gcRetentionMinutes);
    }
    if (unsafeDisableCommitWait && !simulated) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          UNSAFE_DISABLE_COMMIT_WAIT
              + " is a negative control for tests: it needs --clock simulated");
    }
    if (unsafeDisableCommitWait) {
      spec.commandLine()
          .getErr()
          .println("WARNING: commit wait disabled (negative control): not externally consistent");
    }
    return NodeOptions.defaults()
        .withMonitor(monitor())
        .withClockSimulated(simulated)
        .withCommitWait(!unsafeDisableCommitWait)
        .withPdPeers(members)
        .withJoinAddresses(joins)
        .withGc(GcConfig.defaults().withRetention(Duration.ofMinutes(gcRetentionMinutes)));
  }

  /**
   * Two honest clocks differ by at most the sum of their ε, so the tolerated offset between nodes
   * is at least 2ε: the default (14 ms, for ε up to 7 ms) or more when --epsilon-ms is wider.
   */
  private ClockOffsetMonitor.Config monitor() {
    ClockOffsetMonitor.Config d = ClockOffsetMonitor.Config.defaults();
    long twoEpsilon = epsilonMs == null ? 0 : 2 * epsilonMicros(epsilonMs);
    return twoEpsilon <= d.maxOffsetMicros()
        ? d
        : new ClockOffsetMonitor.Config(
            twoEpsilon, d.sampleIntervalMicros(), d.staleAfterMicros(), d.samplesKept());
  }

  List<PdPeer> parsePdPeers() {
    List<PdPeer> out = new ArrayList<>();
    for (String p : pdPeers) {
      try {
        out.add(PdPeerSpec.parse(p));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
    }
    if (out.stream().map(PdPeer::nodeId).distinct().count() != out.size()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--pd-peer ids must be distinct: " + pdPeers);
    }
    return out;
  }

  /** --pd-raft-port, else this node's --pd-peer entry's port, else 0 (no PD member here). */
  int pdRaftPort(List<PdPeer> members) {
    PdPeer self = members.stream().filter(p -> p.nodeId().equals(nodeId)).findFirst().orElse(null);
    if (self == null) {
      return pdRaftPort == null ? 0 : pdRaftPort;
    }
    if (rpcPort != 0 && PdPeerSpec.rpcPort(self) != rpcPort) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--pd-peer for "
              + nodeId
              + " names RPC port "
              + PdPeerSpec.rpcPort(self)
              + " but --rpc-port is "
              + rpcPort);
    }
    int listed = PdPeerSpec.pdRaftPort(self);
    if (pdRaftPort != null && pdRaftPort != listed) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--pd-peer for "
              + nodeId
              + " names PD Raft port "
              + listed
              + " but --pd-raft-port is "
              + pdRaftPort);
    }
    return listed;
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
