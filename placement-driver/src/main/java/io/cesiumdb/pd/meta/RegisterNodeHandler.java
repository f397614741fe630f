package io.cesiumdb.pd.meta;

import io.cesiumdb.proto.placement.NodeEntry;
import io.cesiumdb.proto.placement.RegisterNode;

/**
 * Adds a node to the registry, or updates the addresses of a node that registers again (a restart);
 * the registration counts as a heartbeat at the command's time.
 */
final class RegisterNodeHandler implements CommandHandler<RegisterNode> {

  @Override
  public NodeEntry apply(MetaStores stores, RegisterNode cmd) {
    if (cmd.getNodeId().isEmpty()
        || cmd.getRpcAddress().isEmpty()
        || cmd.getRaftAddress().isEmpty()) {
      throw MetaErrors.invalid("RegisterNode needs node_id, rpc_address and raft_address: " + cmd);
    }
    NodeEntry old = stores.nodes().node(cmd.getNodeId()).orElse(NodeEntry.getDefaultInstance());
    NodeEntry node =
        old.toBuilder()
            .setNodeId(cmd.getNodeId())
            .setRpcAddress(cmd.getRpcAddress())
            .setRaftAddress(cmd.getRaftAddress())
            .setLastHeartbeatMicros(Math.max(old.getLastHeartbeatMicros(), cmd.getTimeMicros()))
            .build();
    stores.nodes().put(node);
    return node;
  }
}
