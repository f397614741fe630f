package io.cesiumdb.pd;

import com.google.protobuf.ByteString;
import io.cesiumdb.pd.cluster.ClusterView;
import io.cesiumdb.pd.cluster.NodeInfo;
import io.cesiumdb.pd.cluster.NodeState;
import io.cesiumdb.pd.cluster.ReplicaRef;
import io.cesiumdb.pd.cluster.TabletInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Draws a fake cluster for tests. Replicas are node ids; a trailing {@code *} marks the leader:
 *
 * <pre>{@code
 * cluster().up("n1", "n2", "n3").down("n4")
 *     .tablet(1, "n1*", "n2", "n4")     // tablet 1 led by n1
 *     .tablets(3, "n2*", "n3", "n4")    // three more tablets, next free ids
 *     .pending(1)
 *     .reports("n2", 1, 5)              // n2's last heartbeat reported tablets 1 and 5
 *     .lost(1, "n3")                    // the controller judged n3's replica of tablet 1 lost
 *     .build();
 * }</pre>
 */
public final class ClusterBuilder {
  private final List<NodeInfo> nodes = new ArrayList<>();
  private final List<TabletInfo> tablets = new ArrayList<>();
  private final List<Long> pending = new ArrayList<>();
  private final List<ReplicaRef> lost = new ArrayList<>();
  private final List<String> cooling = new ArrayList<>();
  private long nextTabletId = 1;

  public static ClusterBuilder cluster() {
    return new ClusterBuilder();
  }

  public ClusterBuilder node(String id, NodeState state) {
    nodes.add(new NodeInfo(id, id + ":7000", id + ":7100", state, 0));
    return this;
  }

  public ClusterBuilder up(String... ids) {
    return nodes(NodeState.UP, ids);
  }

  public ClusterBuilder suspect(String... ids) {
    return nodes(NodeState.SUSPECT, ids);
  }

  public ClusterBuilder down(String... ids) {
    return nodes(NodeState.DOWN, ids);
  }

  private ClusterBuilder nodes(NodeState state, String... ids) {
    for (String id : ids) {
      node(id, state);
    }
    return this;
  }

  /** Tablet {@code id} on {@code replicas}; {@code "n1*"} marks n1 as the leader. */
  public ClusterBuilder tablet(long id, String... replicas) {
    List<String> ids = new ArrayList<>();
    String leader = null;
    for (String r : replicas) {
      String node = r.endsWith("*") ? r.substring(0, r.length() - 1) : r;
      leader = r.endsWith("*") ? node : leader;
      ids.add(node);
    }
    ByteString start = ByteString.copyFromUtf8("k" + id);
    tablets.add(
        new TabletInfo(
            id, 1, start, start.concat(ByteString.copyFromUtf8("~")), ids, leader, 1, 0));
    nextTabletId = Math.max(nextTabletId, id + 1);
    return this;
  }

  /** {@code count} tablets on the same replicas, with the next free ids. */
  public ClusterBuilder tablets(int count, String... replicas) {
    for (int i = 0; i < count; i++) {
      tablet(nextTabletId, replicas);
    }
    return this;
  }

  public ClusterBuilder tablet(TabletInfo tablet) {
    tablets.add(tablet);
    nextTabletId = Math.max(nextTabletId, tablet.tabletId() + 1);
    return this;
  }

  public ClusterBuilder pending(long... ids) {
    for (long id : ids) {
      pending.add(id);
    }
    return this;
  }

  /** Node {@code id} (already added) reported hosting {@code tabletIds}. */
  public ClusterBuilder reports(String id, long... tabletIds) {
    Set<Long> ids = new TreeSet<>();
    for (long t : tabletIds) {
      ids.add(t);
    }
    nodes.replaceAll(n -> n.id().equals(id) ? n.withReportedTablets(ids) : n);
    return this;
  }

  /** Marks the replica of {@code tabletId} on {@code nodeId} lost. */
  public ClusterBuilder lost(long tabletId, String nodeId) {
    lost.add(new ReplicaRef(tabletId, nodeId));
    return this;
  }

  /** Nodes {@code ids} (already added) are cooling: no balancing moves to them. */
  public ClusterBuilder cooling(String... ids) {
    cooling.addAll(List.of(ids));
    return this;
  }

  public ClusterView build() {
    return new ClusterView(nodes, tablets, pending, lost).withCooling(cooling);
  }
}
