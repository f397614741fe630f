package io.cesiumdb.server.node;

/** Where another node's RPC listens. */
public record PeerAddress(String nodeId, String host, int port) {
  /** {@code host:port}. */
  public String target() {
    return host + ":" + port;
  }
}
