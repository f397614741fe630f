package io.cesiumdb.pd.scheduler;

import io.cesiumdb.pd.cluster.ClusterView;
import io.cesiumdb.pd.cluster.NodeInfo;
import io.cesiumdb.pd.cluster.TabletInfo;
import io.cesiumdb.pd.operator.Operator;
import io.cesiumdb.pd.operator.OperatorKind;
import io.cesiumdb.pd.operator.Step;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Evens out tablet counts over UP nodes by moving replicas. A move adds a replica on the emptiest
 * UP node that is not cooling ({@link ClusterView#isBalanceTarget}), transfers leadership to it if
 * the replica being moved led, then removes the replica from the fullest UP node; it happens only
 * when the two counts differ by more than {@code tolerance}. Only tablets whose replicas are all UP
 * move (the replica checker owns the others). Counts are updated after every pick; at most {@code
 * maxOperators} per round.
 */
public final class BalanceTabletScheduler extends CountBalancingScheduler {
  public BalanceTabletScheduler() {
    this(1, 2);
  }

  public BalanceTabletScheduler(int tolerance, int maxOperators) {
    super(tolerance, maxOperators);
  }

  @Override
  public String name() {
    return "balance-tablet";
  }

  @Override
  protected int count(ClusterView view, String nodeId) {
    return view.tabletCount(nodeId);
  }

  @Override
  protected Optional<Operator> pickOne(
      ClusterView view, Map<String, Integer> counts, Set<Long> touched) {
    List<String> byFewest =
        view.upNodes().stream()
            .map(NodeInfo::id)
            .sorted(
                Comparator.<String>comparingInt(counts::get)
                    .thenComparing(Comparator.naturalOrder()))
            .toList();
    for (int i = byFewest.size() - 1; i > 0; i--) {
      String source = byFewest.get(i);
      for (String target : byFewest) {
        if (counts.get(source) - counts.get(target) <= tolerance) {
          break;
        }
        if (!view.isBalanceTarget(target)) {
          continue;
        }
        Optional<TabletInfo> tablet = movable(view, source, target, touched);
        if (tablet.isPresent()) {
          touched.add(tablet.get().tabletId());
          counts.merge(source, -1, Integer::sum);
          counts.merge(target, 1, Integer::sum);
          return Optional.of(move(tablet.get(), source, target, counts));
        }
      }
    }
    return Optional.empty();
  }

  /** The lowest-id tablet on {@code source}, not on {@code target}, all replicas UP, untouched. */
  private static Optional<TabletInfo> movable(
      ClusterView view, String source, String target, Set<Long> touched) {
    return view.tablets().stream()
        .filter(t -> t.hasReplicaOn(source) && !t.hasReplicaOn(target))
        .filter(t -> !view.hasPending(t.tabletId()) && !touched.contains(t.tabletId()))
        .filter(t -> t.replicas().stream().allMatch(view::isUp))
        .findFirst();
  }

  private static Operator move(
      TabletInfo tablet, String source, String target, Map<String, Integer> counts) {
    String reason =
        "tablets "
            + source
            + "="
            + (counts.get(source) + 1)
            + " vs "
            + target
            + "="
            + (counts.get(target) - 1);
    List<Step> steps = new ArrayList<>();
    steps.add(new Step.AddReplica(target));
    if (tablet.isLeader(source)) {
      steps.add(new Step.TransferLeader(source, target));
    }
    steps.add(new Step.RemoveReplica(source));
    return Operator.of(
        tablet.tabletId(), tablet.epoch(), OperatorKind.BALANCE_TABLET, reason, steps);
  }
}
