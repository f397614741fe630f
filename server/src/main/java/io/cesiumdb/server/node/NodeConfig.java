package io.cesiumdb.server.node;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What a node needs to start.
 *
 * @param nodeId stable name of the node, for example {@code n1}
 * @param host address the node's RPC listens on and advertises (loopback by default)
 * @param rpcPort port of the node RPC; 0 picks a free port
 * @param dataDir directory the node owns for its data (created if missing)
 */
public record NodeConfig(String nodeId, String host, int rpcPort, Path dataDir) {
  /** Default node RPC host: loopback, so nothing is exposed unless asked for. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  public NodeConfig {
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(dataDir, "dataDir");
    if (rpcPort < 0 || rpcPort > 65535) {
      throw new IllegalArgumentException("rpcPort out of range: " + rpcPort);
    }
  }
}
