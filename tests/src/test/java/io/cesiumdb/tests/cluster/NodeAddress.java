package io.cesiumdb.tests.cluster;

import io.cesiumdb.proto.tablet.ReplicaDescriptor;

/** Where one node of a test cluster listens: its id, RPC address and Raft address. */
public record NodeAddress(String nodeId, String rpcAddress, String raftAddress) {
  /** This node as a tablet replica. */
  public ReplicaDescriptor replica() {
    return ReplicaDescriptor.newBuilder()
        .setNodeId(nodeId)
        .setRaftAddress(raftAddress)
        .setTabletAddress(rpcAddress)
        .build();
  }
}
