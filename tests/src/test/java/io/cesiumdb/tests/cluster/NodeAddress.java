package io.cesiumdb.tests.cluster;

import io.cesiumdb.proto.tablet.ReplicaDescriptor;
import io.cesiumdb.server.demo.LocalCluster;
import io.cesiumdb.server.node.NodeConfig;
import java.util.List;

/** Where one node of a test cluster listens: its id, RPC address and Raft address. */
public record NodeAddress(String nodeId, String rpcAddress, String raftAddress) {
  /** Where a node of an in-process cluster lives. */
  public static NodeAddress of(NodeConfig c) {
    return new NodeAddress(c.nodeId(), c.rpcAddress(), c.host() + ":" + c.raftPort());
  }

  /** Every node of an in-process cluster, running or not. */
  public static List<NodeAddress> all(LocalCluster cluster) {
    return cluster.nodeIds().stream().map(cluster::config).map(NodeAddress::of).toList();
  }

  /** This node as a tablet replica. */
  public ReplicaDescriptor replica() {
    return ReplicaDescriptor.newBuilder()
        .setNodeId(nodeId)
        .setRaftAddress(raftAddress)
        .setTabletAddress(rpcAddress)
        .build();
  }
}
