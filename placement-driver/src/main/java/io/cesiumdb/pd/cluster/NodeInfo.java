package io.cesiumdb.pd.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One node as the placement driver last heard of it. Tablet and leader counts are not stored here:
 * {@link ClusterView#tabletCount} and {@link ClusterView#leaderCount} derive them from the tablets,
 * so the two can never disagree. The tablets the node itself reported hosting are kept apart from
 * the directory's placements: comparing the two finds lost and orphan replicas ({@link
 * ReplicaReports}).
 *
 * @param id stable node id (replicas name their node by it)
 * @param raftAddress host:port of the node's Ratis server
 * @param tabletAddress host:port of the node's tablet RPC
 * @param state liveness derived from the last heartbeat
 * @param diskUsedBytes disk use reported by the last heartbeat
 * @param reportedTablets tablet ids the last heartbeat reported hosting, sorted
 */
public record NodeInfo(
    String id,
    String raftAddress,
    String tabletAddress,
    NodeState state,
    long diskUsedBytes,
    Set<Long> reportedTablets) {

  public NodeInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(raftAddress, "raftAddress");
    Objects.requireNonNull(tabletAddress, "tabletAddress");
    Objects.requireNonNull(state, "state");
    SortedSet<Long> sorted = new TreeSet<>(reportedTablets);
    reportedTablets = Collections.unmodifiableSortedSet(sorted);
  }

  /** A node that reported no tablets. */
  public NodeInfo(
      String id, String raftAddress, String tabletAddress, NodeState state, long diskUsedBytes) {
    this(id, raftAddress, tabletAddress, state, diskUsedBytes, Set.of());
  }

  /** A node whose state is derived from its last heartbeat time, as of {@code now}. */
  public static NodeInfo fromHeartbeat(
      String id,
      String raftAddress,
      String tabletAddress,
      long diskUsedBytes,
      Instant lastHeartbeat,
      Instant now,
      LivenessPolicy policy) {
    NodeState state = policy.stateFor(Duration.between(lastHeartbeat, now));
    return new NodeInfo(id, raftAddress, tabletAddress, state, diskUsedBytes);
  }

  public boolean isUp() {
    return state == NodeState.UP;
  }

  /** Whether the node's last heartbeat reported hosting {@code tabletId}. */
  public boolean reports(long tabletId) {
    return reportedTablets.contains(tabletId);
  }

  public NodeInfo withState(NodeState newState) {
    return new NodeInfo(id, raftAddress, tabletAddress, newState, diskUsedBytes, reportedTablets);
  }

  public NodeInfo withReportedTablets(Set<Long> tabletIds) {
    return new NodeInfo(id, raftAddress, tabletAddress, state, diskUsedBytes, tabletIds);
  }
}
