package io.cesiumdb.pd.cluster;

/**
 * A node's liveness as the placement driver sees it, derived from the age of its last heartbeat by
 * {@link LivenessPolicy}. Only {@link #UP} nodes receive new replicas or leaders; only {@link
 * #DOWN} nodes have their replicas replaced. {@link #SUSPECT} is the grace band in between: the
 * node keeps what it has but gets nothing new.
 */
public enum NodeState {
  UP,
  SUSPECT,
  DOWN
}
