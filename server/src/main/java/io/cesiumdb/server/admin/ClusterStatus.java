package io.cesiumdb.server.admin;

import io.cesiumdb.pd.cluster.NodeState;
import java.util.List;
import java.util.Optional;

/**
 * One reading of the cluster, for the admin view.
 *
 * @param leaderNodeId the placement driver leader's node id (empty when it did not say)
 * @param leaderAddress {@code host:port} of the leader's PlacementService
 * @param nodes every registered node, by id
 * @param tables tables in the catalog
 * @param tablets tablets in the directory
 * @param replicas replicas in the directory (tablets x replication)
 * @param leadersKnown tablets whose leader the directory knows
 */
public record ClusterStatus(
    String leaderNodeId,
    String leaderAddress,
    List<NodeRow> nodes,
    int tables,
    int tablets,
    int replicas,
    int leadersKnown) {

  public ClusterStatus {
    nodes = List.copyOf(nodes);
  }

  /**
   * One registered node.
   *
   * @param nodeId the node's id
   * @param rpcAddress {@code host:port} of its RPC
   * @param state its liveness from the age of its last heartbeat
   * @param heartbeatAgeMicros how long ago its last heartbeat was (negative = never)
   * @param tablets replicas the directory places on it
   * @param leaders tablets the directory says it leads
   * @param diskUsedBytes its data directory's size as its last heartbeat reported
   */
  public record NodeRow(
      String nodeId,
      String rpcAddress,
      NodeState state,
      long heartbeatAgeMicros,
      int tablets,
      int leaders,
      long diskUsedBytes) {}

  /** The row of this node, if registered. */
  public Optional<NodeRow> node(String nodeId) {
    return nodes.stream().filter(n -> n.nodeId().equals(nodeId)).findFirst();
  }
}
