package io.cesiumdb.pd.checker;

import io.cesiumdb.pd.cluster.ClusterView;
import io.cesiumdb.pd.cluster.NodeInfo;
import io.cesiumdb.pd.cluster.NodeState;
import io.cesiumdb.pd.cluster.TabletInfo;
import io.cesiumdb.pd.operator.Operator;
import io.cesiumdb.pd.operator.OperatorKind;
import io.cesiumdb.pd.operator.Step;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps every tablet at {@code targetReplicas} replicas on live nodes.
 *
 * <ul>
 *   <li>A tablet at or below the target with a replica on a DOWN node (or a node the view does not
 *       know), or a replica the view marks lost (on an UP node that has not reported it for longer
 *       than the controller's grace), is replaced: add a replica on the UP node with the fewest
 *       tablets that does not hold the tablet and does not report hosting it (an orphan copy there
 *       is collected first), then remove the dead or lost one. DOWN replicas go before lost ones;
 *       one per tablet per round; the next round takes the next.
 *   <li>A tablet with fewer replicas and none dead gets one added the same way.
 *   <li>A tablet with more replicas than the target loses one: a non-leader, preferring one on a
 *       node that is not UP or is lost, then the fullest node.
 * </ul>
 *
 * SUSPECT replicas are left alone. Targets chosen earlier in the same round count as load, so the
 * repairs of one dead node spread over the survivors.
 */
public final class ReplicaChecker implements Checker {
  private final int targetReplicas;

  public ReplicaChecker() {
    this(3);
  }

  public ReplicaChecker(int targetReplicas) {
    if (targetReplicas < 1) {
      throw new IllegalArgumentException("targetReplicas must be >= 1: " + targetReplicas);
    }
    this.targetReplicas = targetReplicas;
  }

  @Override
  public String name() {
    return "replica-checker";
  }

  @Override
  public CheckResult check(ClusterView view) {
    Map<String, Integer> planned = new HashMap<>();
    List<Operator> ops = new ArrayList<>();
    List<String> unresolved = new ArrayList<>();
    for (TabletInfo tablet : view.tablets()) {
      if (!view.hasPending(tablet.tabletId())) {
        checkTablet(view, tablet, planned, ops, unresolved);
      }
    }
    return new CheckResult(ops, unresolved);
  }

  private void checkTablet(
      ClusterView view,
      TabletInfo tablet,
      Map<String, Integer> planned,
      List<Operator> ops,
      List<String> unresolved) {
    Optional<String> dead = deadOrLost(view, tablet);
    int size = tablet.replicas().size();
    if (size > targetReplicas) {
      ops.add(removeExtra(view, tablet));
      return;
    }
    if (dead.isEmpty() && size >= targetReplicas) {
      return;
    }
    Optional<String> target = bestTarget(view, tablet, planned);
    if (target.isEmpty()) {
      unresolved.add(noTargetReason(view, tablet, dead));
      return;
    }
    planned.merge(target.get(), 1, Integer::sum);
    ops.add(
        dead.map(d -> replace(view, tablet, d, target.get()))
            .orElseGet(() -> add(tablet, target.get())));
  }

  /** The first replica on a DOWN node, else the first replica the view marks lost. */
  private static Optional<String> deadOrLost(ClusterView view, TabletInfo tablet) {
    return tablet.replicas().stream()
        .filter(r -> view.stateOf(r) == NodeState.DOWN)
        .findFirst()
        .or(() -> tablet.replicas().stream().filter(r -> isLost(view, tablet, r)).findFirst());
  }

  private static boolean isLost(ClusterView view, TabletInfo tablet, String nodeId) {
    return view.isLost(tablet.tabletId(), nodeId);
  }

  private static String problem(ClusterView view, String nodeId) {
    return view.stateOf(nodeId) == NodeState.DOWN
        ? "replica on DOWN node " + nodeId
        : "lost replica on UP node " + nodeId + " (not reported)";
  }

  private static Optional<String> bestTarget(
      ClusterView view, TabletInfo tablet, Map<String, Integer> planned) {
    return view.upNodes().stream()
        .map(NodeInfo::id)
        .filter(n -> !tablet.hasReplicaOn(n))
        .filter(n -> view.node(n).map(i -> !i.reports(tablet.tabletId())).orElse(false))
        .min(
            Comparator.<String>comparingInt(n -> view.tabletCount(n) + planned.getOrDefault(n, 0))
                .thenComparing(Comparator.naturalOrder()));
  }

  private static Operator replace(ClusterView view, TabletInfo tablet, String dead, String target) {
    return Operator.of(
        tablet.tabletId(),
        tablet.epoch(),
        OperatorKind.REPAIR_REPLICA,
        problem(view, dead) + " replaced by " + target,
        new Step.AddReplica(target),
        new Step.RemoveReplica(dead));
  }

  private Operator add(TabletInfo tablet, String target) {
    return Operator.of(
        tablet.tabletId(),
        tablet.epoch(),
        OperatorKind.REPAIR_REPLICA,
        tablet.replicas().size() + " of " + targetReplicas + " replicas; adding " + target,
        new Step.AddReplica(target));
  }

  private Operator removeExtra(ClusterView view, TabletInfo tablet) {
    String victim =
        tablet.replicas().stream()
            .filter(r -> !tablet.isLeader(r))
            .max(
                Comparator.<String>comparingInt(
                        r -> view.isUp(r) && !isLost(view, tablet, r) ? 0 : 1)
                    .thenComparingInt(view::tabletCount)
                    .thenComparing(Comparator.naturalOrder()))
            .orElseThrow();
    return Operator.of(
        tablet.tabletId(),
        tablet.epoch(),
        OperatorKind.REMOVE_EXTRA_REPLICA,
        tablet.replicas().size() + " replicas, target " + targetReplicas + "; removing " + victim,
        new Step.RemoveReplica(victim));
  }

  private static String noTargetReason(ClusterView view, TabletInfo tablet, Optional<String> dead) {
    String problem = dead.map(d -> problem(view, d)).orElse("under-replicated");
    List<String> up = view.upNodes().stream().map(NodeInfo::id).toList();
    return "tablet "
        + tablet.tabletId()
        + ": "
        + problem
        + " but no UP node without a replica (replicas "
        + tablet.replicas()
        + ", UP "
        + up
        + ")";
  }
}
