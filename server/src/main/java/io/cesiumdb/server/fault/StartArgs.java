package io.cesiumdb.server.fault;

import io.cesiumdb.server.cli.StartCommand;
import io.cesiumdb.server.fault.NodeProcesses.Member;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The command line that launches one node process: {@code java -cp <ours> Main start ...}. */
final class StartArgs {
  private StartArgs() {}

  static List<String> command(NodeProcessesBuilder s, Member self, Collection<Member> all) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jdkFlags(Runtime.version().feature()));
    cmd.addAll(s.jvmArgs);
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path")));
    cmd.addAll(List.of("io.cesiumdb.server.Main", "start", "--node-id", self.nodeId()));
    cmd.addAll(List.of("--rpc-port", port(self.rpcAddress())));
    cmd.addAll(List.of("--raft-port", port(self.raftAddress())));
    cmd.addAll(List.of("--data-dir", s.dir.resolve(self.nodeId()).toString()));
    cmd.addAll(List.of("--clock", "simulated"));
    if (s.epsilonMillis > 0) {
      cmd.addAll(List.of("--epsilon-ms", Double.toString(s.epsilonMillis)));
    }
    for (Member m : all) {
      if (!m.nodeId().equals(self.nodeId())) {
        cmd.addAll(List.of("--peer", m.nodeId() + "=" + m.rpcAddress()));
      }
      if (m.runsPd()) {
        cmd.addAll(List.of("--pd-peer", pdPeer(m)));
      }
    }
    if (s.unsafeDisableCommitWait) {
      cmd.add(StartCommand.UNSAFE_DISABLE_COMMIT_WAIT);
    }
    return cmd;
  }

  /**
   * What bin/cesium passes too: JDK 22+ warns when RocksDB loads its native library, JDK 24+ when
   * Ratis' Netty uses {@code sun.misc.Unsafe}; both are intended.
   */
  static List<String> jdkFlags(int javaFeature) {
    List<String> flags = new ArrayList<>();
    if (javaFeature >= 22) {
      flags.add("--enable-native-access=ALL-UNNAMED");
    }
    if (javaFeature >= 24) {
      flags.add("--sun-misc-unsafe-memory-access=allow");
    }
    return flags;
  }

  /** {@code ID@HOST:RPC_PORT:PD_RAFT_PORT}, the {@code --pd-peer} format. */
  private static String pdPeer(Member m) {
    return m.nodeId() + "@" + m.rpcAddress() + ":" + port(m.pdRaftAddress());
  }

  private static String port(String address) {
    return address.substring(address.lastIndexOf(':') + 1);
  }
}
