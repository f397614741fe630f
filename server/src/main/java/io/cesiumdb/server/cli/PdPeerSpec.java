package io.cesiumdb.server.cli;

import io.cesiumdb.pd.service.PdPeer;

/**
 * The {@code --pd-peer ID@HOST:RPC_PORT:PD_RAFT_PORT} syntax of {@code cesium start}: a placement
 * driver member's node id, the host it runs on, its node RPC port (where its PlacementService
 * answers) and its PD Raft port. Every member must be given the same list.
 */
final class PdPeerSpec {
  static final String FORMAT = "ID@HOST:RPC_PORT:PD_RAFT_PORT";

  private PdPeerSpec() {}

  /**
   * Parses one {@code --pd-peer} value.
   *
   * @throws IllegalArgumentException naming the expected format
   */
  static PdPeer parse(String spec) {
    int at = spec.indexOf('@');
    int lastColon = spec.lastIndexOf(':');
    if (at <= 0 || lastColon <= at) {
      throw bad(spec);
    }
    String hostAndRpc = spec.substring(at + 1, lastColon);
    String pdRaft = spec.substring(lastColon + 1);
    if (!HostPort.valid(hostAndRpc) || !HostPort.valid("h:" + pdRaft)) {
      throw bad(spec);
    }
    String host = HostPort.host(hostAndRpc);
    return new PdPeer(spec.substring(0, at), host + ":" + pdRaft, hostAndRpc);
  }

  /** The port of a peer's PD Raft address. */
  static int pdRaftPort(PdPeer peer) {
    return HostPort.port(peer.raftAddress());
  }

  /** The port of a peer's RPC (PlacementService) address. */
  static int rpcPort(PdPeer peer) {
    return HostPort.port(peer.serviceAddress());
  }

  private static IllegalArgumentException bad(String spec) {
    return new IllegalArgumentException("--pd-peer must be " + FORMAT + ", got " + spec);
  }
}
