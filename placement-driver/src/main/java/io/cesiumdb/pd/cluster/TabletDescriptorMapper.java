package io.cesiumdb.pd.cluster;

import io.cesiumdb.proto.tablet.ReplicaDescriptor;
import io.cesiumdb.proto.tablet.TabletDescriptor;

/**
 * Converts between the wire {@link TabletDescriptor} and {@link TabletInfo}. The descriptor has no
 * leader or size (the directory keeps those from heartbeats), so they are passed in; replica
 * addresses come from the view's nodes.
 */
public final class TabletDescriptorMapper {
  private TabletDescriptorMapper() {}

  public static TabletInfo toInfo(TabletDescriptor d, String leader, long approximateSizeBytes) {
    return new TabletInfo(
        d.getTabletId(),
        d.getKeyspace(),
        d.getStartKey(),
        d.getEndKey(),
        d.getReplicasList().stream().map(ReplicaDescriptor::getNodeId).toList(),
        leader,
        d.getEpoch(),
        approximateSizeBytes);
  }

  /**
   * The descriptor of {@code tablet}, with each replica's addresses looked up in {@code view}.
   *
   * @throws IllegalArgumentException if a replica's node is not in the view
   */
  public static TabletDescriptor toDescriptor(TabletInfo tablet, ClusterView view) {
    TabletDescriptor.Builder b =
        TabletDescriptor.newBuilder()
            .setTabletId(tablet.tabletId())
            .setKeyspace(tablet.keyspace())
            .setStartKey(tablet.startKey())
            .setEndKey(tablet.endKey())
            .setEpoch(tablet.epoch());
    for (String nodeId : tablet.replicas()) {
      NodeInfo node =
          view.node(nodeId)
              .orElseThrow(() -> new IllegalArgumentException("unknown replica node " + nodeId));
      b.addReplicas(
          ReplicaDescriptor.newBuilder()
              .setNodeId(nodeId)
              .setRaftAddress(node.raftAddress())
              .setTabletAddress(node.tabletAddress()));
    }
    return b.build();
  }
}
