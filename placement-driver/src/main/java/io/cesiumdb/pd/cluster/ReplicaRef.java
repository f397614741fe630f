package io.cesiumdb.pd.cluster;

import java.util.Comparator;
import java.util.Objects;

/**
 * One replica named by its tablet and node, whether or not the directory places it there: the unit
 * in which lost replicas (placed but not reported) and orphan replicas (reported but not placed)
 * are tracked. Ordered by tablet id, then node id, so sets of them iterate deterministically.
 */
public record ReplicaRef(long tabletId, String nodeId) implements Comparable<ReplicaRef> {
  private static final Comparator<ReplicaRef> ORDER =
      Comparator.comparingLong(ReplicaRef::tabletId).thenComparing(ReplicaRef::nodeId);

  public ReplicaRef {
    Objects.requireNonNull(nodeId, "nodeId");
  }

  @Override
  public int compareTo(ReplicaRef other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return "t" + tabletId + "@" + nodeId;
  }
}
