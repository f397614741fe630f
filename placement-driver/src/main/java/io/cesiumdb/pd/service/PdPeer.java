package io.cesiumdb.pd.service;

import java.util.Objects;

/**
 * One member of the placement driver's Raft group.
 *
 * @param nodeId the member's node id (also its Raft peer id)
 * @param raftAddress host:port of its Ratis server
 * @param serviceAddress host:port of its PlacementService RPC, for leader hints; empty = unknown
 */
public record PdPeer(String nodeId, String raftAddress, String serviceAddress) {
  public PdPeer {
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(raftAddress, "raftAddress");
    serviceAddress = serviceAddress == null ? "" : serviceAddress;
    if (nodeId.isEmpty() || raftAddress.isEmpty()) {
      throw new IllegalArgumentException("PD peer needs a node id and a Raft address");
    }
  }
}
