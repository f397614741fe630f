package io.cesiumdb.server.rpc;

import io.cesiumdb.proto.placement.GetLeaderResponse;
import java.util.Objects;

/**
 * The placement driver's leader as a client last saw it.
 *
 * @param nodeId the leader's node id; empty when only its address is known
 * @param address {@code host:port} of the leader's PlacementService (its node's RPC address)
 */
public record PdLeader(String nodeId, String address) {
  public PdLeader {
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(address, "address");
  }

  /** The GetLeader answer naming this leader. */
  public GetLeaderResponse toResponse() {
    return GetLeaderResponse.newBuilder().setLeaderNodeId(nodeId).setLeaderAddress(address).build();
  }
}
