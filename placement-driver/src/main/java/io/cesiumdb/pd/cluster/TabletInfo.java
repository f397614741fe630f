package io.cesiumdb.pd.cluster;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One tablet as the directory knows it: key range {@code [startKey, endKey)} of a keyspace, its
 * replica nodes, its leader (if known) and the epoch that changes on every split or move.
 *
 * @param tabletId the tablet id (the Raft group id derives from it)
 * @param keyspace the table's keyspace; tablets of one table share it
 * @param startKey inclusive start; empty = unbounded
 * @param endKey exclusive end; empty = unbounded
 * @param replicas node ids holding a replica, distinct, in the directory's order
 * @param leader node id of the leader, or {@code null} when unknown
 * @param epoch changes on every split or membership change
 * @param approximateSizeBytes size reported by the leader's heartbeat
 */
public record TabletInfo(
    long tabletId,
    long keyspace,
    ByteString startKey,
    ByteString endKey,
    List<String> replicas,
    String leader,
    long epoch,
    long approximateSizeBytes) {

  public TabletInfo {
    Objects.requireNonNull(startKey, "startKey");
    Objects.requireNonNull(endKey, "endKey");
    replicas = List.copyOf(replicas);
    if (replicas.stream().distinct().count() != replicas.size()) {
      throw new IllegalArgumentException("tablet " + tabletId + ": duplicate replicas " + replicas);
    }
    if (leader != null && !replicas.contains(leader)) {
      throw new IllegalArgumentException(
          "tablet " + tabletId + ": leader " + leader + " is not a replica " + replicas);
    }
  }

  public Optional<String> leaderNode() {
    return Optional.ofNullable(leader);
  }

  public boolean hasReplicaOn(String nodeId) {
    return replicas.contains(nodeId);
  }

  public boolean isLeader(String nodeId) {
    return nodeId.equals(leader);
  }

  /** This tablet with {@code nodeId} added as the last replica. */
  public TabletInfo withReplicaAdded(String nodeId) {
    List<String> next = new ArrayList<>(replicas);
    next.add(nodeId);
    return new TabletInfo(
        tabletId, keyspace, startKey, endKey, next, leader, epoch, approximateSizeBytes);
  }

  /** This tablet without {@code nodeId}; if it led, the leader becomes unknown. */
  public TabletInfo withReplicaRemoved(String nodeId) {
    List<String> next = new ArrayList<>(replicas);
    next.remove(nodeId);
    String nextLeader = nodeId.equals(leader) ? null : leader;
    return new TabletInfo(
        tabletId, keyspace, startKey, endKey, next, nextLeader, epoch, approximateSizeBytes);
  }

  public TabletInfo withLeader(String nodeId) {
    return new TabletInfo(
        tabletId, keyspace, startKey, endKey, replicas, nodeId, epoch, approximateSizeBytes);
  }

  public TabletInfo withEpoch(long newEpoch) {
    return new TabletInfo(
        tabletId, keyspace, startKey, endKey, replicas, leader, newEpoch, approximateSizeBytes);
  }
}
