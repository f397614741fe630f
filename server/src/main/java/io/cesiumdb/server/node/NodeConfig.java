package io.cesiumdb.server.node;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a node lives: its name, its ports and its data directory.
 *
 * @param nodeId stable name of the node, for example {@code n1}
 * @param host address the node listens on and advertises (loopback by default)
 * @param rpcPort port of the node's gRPC server (node RPC and tablet RPC); 0 picks a free port
 * @param raftPort port of the node's Ratis server (all its tablets' Raft groups); 0 picks one
 * @param dataDir directory the node owns: {@code raft/}, {@code store/} and {@code pd/} below it
 * @param pdRaftPort port of the node's placement-driver member's own Ratis server, if the node runs
 *     one; 0 picks a free port (only sensible for a single-member PD)
 */
public record NodeConfig(
    String nodeId, String host, int rpcPort, int raftPort, Path dataDir, int pdRaftPort) {
  /** Default host: loopback, so nothing is exposed unless asked for. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  public NodeConfig {
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(dataDir, "dataDir");
    checkPort("rpcPort", rpcPort);
    checkPort("raftPort", raftPort);
    checkPort("pdRaftPort", pdRaftPort);
  }

  /** A node whose placement-driver member (if any) picks a free Raft port. */
  public NodeConfig(String nodeId, String host, int rpcPort, int raftPort, Path dataDir) {
    this(nodeId, host, rpcPort, raftPort, dataDir, 0);
  }

  private static void checkPort(String name, int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(name + " out of range: " + port);
    }
  }

  /** {@code host:rpcPort}. */
  public String rpcAddress() {
    return host + ":" + rpcPort;
  }

  /** {@code dataDir/pd}: the placement-driver member's state. */
  public Path pdDir() {
    return dataDir.resolve("pd");
  }
}
