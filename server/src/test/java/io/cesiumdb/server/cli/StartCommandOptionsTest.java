package io.cesiumdb.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.pd.service.PdPeer;
import io.cesiumdb.server.node.NodeOptions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code cesium start}'s placement-driver options become the node's options (no node starts). */
class StartCommandOptionsTest {
  private static final String[] MEMBERS = {
    "--pd-peer", "n1@127.0.0.1:7101:7301",
    "--pd-peer", "n2@127.0.0.1:7102:7302",
    "--pd-peer", "n3@127.0.0.1:7103:7303"
  };

  private static StartCommand parse(String... args) {
    StartCommand cmd = new StartCommand();
    new CommandLine(cmd).parseArgs(args);
    return cmd;
  }

  private static String[] with(String[] head, String... tail) {
    String[] all = new String[head.length + tail.length];
    System.arraycopy(tail, 0, all, 0, tail.length);
    System.arraycopy(head, 0, all, tail.length, head.length);
    return all;
  }

  @Test
  void aListedNodeRunsAMemberOnItsListedPdRaftPort() {
    StartCommand cmd = parse(with(MEMBERS, "--node-id", "n2", "--rpc-port", "7102"));
    List<PdPeer> peers = cmd.parsePdPeers();
    assertEquals(new PdPeer("n2", "127.0.0.1:7302", "127.0.0.1:7102"), peers.get(1));
    assertEquals(7302, cmd.pdRaftPort(peers));
    NodeOptions options = cmd.options(false, peers);
    assertTrue(options.runsPd("n2"));
    assertEquals(List.of("127.0.0.1:7101", "127.0.0.1:7102", "127.0.0.1:7103"), options.pdSeeds());
  }

  @Test
  void aJoiningNodeIsAPlainTabletNode() {
    StartCommand cmd =
        parse("--node-id", "n4", "--join", "127.0.0.1:7101", "--join", "127.0.0.1:7102");
    List<PdPeer> peers = cmd.parsePdPeers();
    NodeOptions options = cmd.options(false, peers);
    assertFalse(options.runsPd("n4"));
    assertTrue(options.hasPlacementDriver());
    assertEquals(0, cmd.pdRaftPort(peers));
    assertEquals(List.of("127.0.0.1:7101", "127.0.0.1:7102"), options.pdSeeds());
  }

  @Test
  void noPdOptionsMeansNoPlacementDriver() {
    StartCommand cmd = parse("--node-id", "solo");
    assertFalse(cmd.options(false, cmd.parsePdPeers()).hasPlacementDriver());
  }

  @Test
  void contradictoryPortsAndBadSpecsAreRejected() {
    StartCommand pdPort =
        parse(with(MEMBERS, "--node-id", "n1", "--rpc-port", "7101", "--pd-raft-port", "9999"));
    assertThrows(
        CommandLine.ParameterException.class, () -> pdPort.pdRaftPort(pdPort.parsePdPeers()));
    StartCommand rpcPort = parse(with(MEMBERS, "--node-id", "n1", "--rpc-port", "7109"));
    assertThrows(
        CommandLine.ParameterException.class, () -> rpcPort.pdRaftPort(rpcPort.parsePdPeers()));
    StartCommand bad = parse("--node-id", "n1", "--pd-peer", "n1@127.0.0.1:7101");
    assertThrows(CommandLine.ParameterException.class, bad::parsePdPeers);
    StartCommand dup = parse("--node-id", "n1", "--pd-peer", "n1@h:1:2", "--pd-peer", "n1@h:3:4");
    assertThrows(CommandLine.ParameterException.class, dup::parsePdPeers);
    StartCommand join = parse("--node-id", "n4", "--join", "127.0.0.1");
    assertThrows(CommandLine.ParameterException.class, () -> join.options(false, List.of()));
  }

  @Test
  void helpDocumentsJoiningAndAFourthNode() {
    String usage = new CommandLine(new StartCommand()).getUsageMessage();
    assertTrue(usage.contains("--pd-peer"), usage);
    assertTrue(usage.contains("--join"), usage);
    assertTrue(usage.contains("--pd-raft-port"), usage);
    assertTrue(usage.contains("A 4th node"), usage);
  }

  @Test
  void gcRetentionDefaultsToAnHourAndIsConfigured() {
    StartCommand plain = parse("--node-id", "n1");
    assertEquals(
        Duration.ofHours(1), plain.options(false, List.of()).gc().retention(), "the default");
    StartCommand five = parse("--node-id", "n1", "--gc-retention-minutes", "5");
    assertEquals(Duration.ofMinutes(5), five.options(false, List.of()).gc().retention());
    StartCommand negative = parse("--node-id", "n1", "--gc-retention-minutes", "-1");
    assertThrows(CommandLine.ParameterException.class, () -> negative.options(false, List.of()));
  }
}
