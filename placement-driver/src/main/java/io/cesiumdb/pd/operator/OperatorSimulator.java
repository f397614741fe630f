package io.cesiumdb.pd.operator;

import io.cesiumdb.pd.cluster.ClusterView;
import io.cesiumdb.pd.cluster.TabletInfo;
import java.util.List;

/**
 * Applies operators to a {@link ClusterView} as if they had run, without any I/O: for tests, and
 * for dry runs in the admin view. Membership steps bump the epoch, as a real move does; removing
 * the leader leaves the leader unknown until the next step or heartbeat names one.
 */
public final class OperatorSimulator {
  private OperatorSimulator() {}

  /** The view after all {@code operators} ran in order; the pending set is left unchanged. */
  public static ClusterView applyAll(ClusterView view, List<Operator> operators) {
    ClusterView next = view;
    for (Operator op : operators) {
      next = apply(next, op);
    }
    return next;
  }

  /**
   * The view after {@code op} ran.
   *
   * @throws IllegalStateException if the tablet is unknown, its epoch moved on, or a step is not
   *     legal for the tablet at that point
   */
  public static ClusterView apply(ClusterView view, Operator op) {
    TabletInfo tablet =
        view.tablet(op.tabletId())
            .orElseThrow(() -> new IllegalStateException("unknown tablet in " + op.id()));
    if (tablet.epoch() != op.epoch()) {
      throw new IllegalStateException(op.id() + " is stale: tablet epoch is " + tablet.epoch());
    }
    for (Step step : op.steps()) {
      tablet = applyStep(tablet, step, op);
    }
    return view.withTablet(tablet);
  }

  private static TabletInfo applyStep(TabletInfo tablet, Step step, Operator op) {
    if (step instanceof Step.AddReplica add) {
      require(!tablet.hasReplicaOn(add.node()), op, add.node() + " already holds a replica");
      return tablet.withReplicaAdded(add.node()).withEpoch(tablet.epoch() + 1);
    }
    if (step instanceof Step.RemoveReplica remove) {
      require(tablet.hasReplicaOn(remove.node()), op, remove.node() + " holds no replica");
      return tablet.withReplicaRemoved(remove.node()).withEpoch(tablet.epoch() + 1);
    }
    Step.TransferLeader transfer = (Step.TransferLeader) step;
    require(tablet.isLeader(transfer.from()), op, transfer.from() + " is not the leader");
    require(tablet.hasReplicaOn(transfer.to()), op, transfer.to() + " holds no replica");
    return tablet.withLeader(transfer.to());
  }

  private static void require(boolean condition, Operator op, String what) {
    if (!condition) {
      throw new IllegalStateException(op.id() + ": " + what);
    }
  }
}
