package io.cesiumdb.tablet.replication;

import io.cesiumdb.proto.tablet.ReplicaDescriptor;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import java.util.ArrayList;
import java.util.List;
import org.apache.ratis.proto.RaftProtos.RaftConfigurationProto;
import org.apache.ratis.proto.RaftProtos.RaftPeerProto;

/**
 * Turns a Ratis group configuration into a tablet descriptor's replica list: node id = peer id,
 * raft address = peer address, tablet address kept from the old descriptor when the node was
 * already a replica, else the peer's client address ({@link GroupAdmin#peerOf} puts the tablet
 * address there), else empty (the host's resolver fills hints).
 */
final class ConfigurationDescriptors {
  private ConfigurationDescriptors() {}

  static TabletDescriptor withPeers(TabletDescriptor d, RaftConfigurationProto conf) {
    List<ReplicaDescriptor> replicas = new ArrayList<>();
    for (RaftPeerProto peer : conf.getPeersList()) {
      String nodeId = peer.getId().toStringUtf8();
      replicas.add(
          ReplicaDescriptor.newBuilder()
              .setNodeId(nodeId)
              .setRaftAddress(peer.getAddress())
              .setTabletAddress(tabletAddress(d, nodeId, peer.getClientAddress()))
              .build());
    }
    if (replicas.isEmpty()) {
      return d;
    }
    return d.toBuilder().clearReplicas().addAllReplicas(replicas).build();
  }

  private static String tabletAddress(TabletDescriptor d, String nodeId, String fromPeer) {
    return d.getReplicasList().stream()
        .filter(r -> r.getNodeId().equals(nodeId) && !r.getTabletAddress().isEmpty())
        .map(ReplicaDescriptor::getTabletAddress)
        .findFirst()
        .orElse(fromPeer);
  }
}
