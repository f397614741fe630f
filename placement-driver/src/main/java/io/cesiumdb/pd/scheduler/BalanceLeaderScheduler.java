package io.cesiumdb.pd.scheduler;

import io.cesiumdb.pd.cluster.ClusterView;
import io.cesiumdb.pd.cluster.NodeInfo;
import io.cesiumdb.pd.cluster.TabletInfo;
import io.cesiumdb.pd.operator.Operator;
import io.cesiumdb.pd.operator.OperatorKind;
import io.cesiumdb.pd.operator.Step;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Evens out leader counts over UP nodes by leadership transfer. Each pick takes the UP node with
 * the most leaders and moves one of its tablets' leadership to the replica holder with the fewest
 * leaders among those fit for it ({@link ClusterView#isBalanceTarget}: UP and not cooling), but
 * only when their counts differ by more than {@code tolerance}. Counts are updated after every
 * pick, so one round never overshoots; at most {@code maxOperators} per round.
 */
public final class BalanceLeaderScheduler extends CountBalancingScheduler {
  public BalanceLeaderScheduler() {
    this(1, 4);
  }

  public BalanceLeaderScheduler(int tolerance, int maxOperators) {
    super(tolerance, maxOperators);
  }

  @Override
  public String name() {
    return "balance-leader";
  }

  @Override
  protected int count(ClusterView view, String nodeId) {
    return view.leaderCount(nodeId);
  }

  @Override
  protected Optional<Operator> pickOne(
      ClusterView view, Map<String, Integer> leaders, Set<Long> touched) {
    List<String> sources =
        view.upNodes().stream()
            .map(NodeInfo::id)
            .sorted(
                Comparator.<String>comparingInt(leaders::get)
                    .reversed()
                    .thenComparing(Comparator.naturalOrder()))
            .toList();
    for (String source : sources) {
      Optional<Operator> op = transferFrom(view, source, leaders, touched);
      if (op.isPresent()) {
        return op;
      }
    }
    return Optional.empty();
  }

  private Optional<Operator> transferFrom(
      ClusterView view, String source, Map<String, Integer> leaders, Set<Long> touched) {
    int sourceCount = leaders.get(source);
    TabletInfo best = null;
    String bestTarget = null;
    for (TabletInfo tablet : view.tablets()) {
      if (!tablet.isLeader(source)
          || view.hasPending(tablet.tabletId())
          || touched.contains(tablet.tabletId())) {
        continue;
      }
      Optional<String> target = fewestLeaders(view, tablet, source, leaders);
      if (target.isPresent()
          && (bestTarget == null || leaders.get(target.get()) < leaders.get(bestTarget))) {
        best = tablet;
        bestTarget = target.get();
      }
    }
    if (best == null || sourceCount - leaders.get(bestTarget) <= tolerance) {
      return Optional.empty();
    }
    touched.add(best.tabletId());
    leaders.merge(source, -1, Integer::sum);
    leaders.merge(bestTarget, 1, Integer::sum);
    return Optional.of(transfer(best, source, bestTarget, sourceCount, leaders));
  }

  /** The replica holder other than {@code source} fit to lead with the fewest leaders, by id. */
  private static Optional<String> fewestLeaders(
      ClusterView view, TabletInfo tablet, String source, Map<String, Integer> leaders) {
    return tablet.replicas().stream()
        .filter(leaders::containsKey)
        .filter(view::isBalanceTarget)
        .filter(r -> !r.equals(source))
        .min(
            Comparator.<String>comparingInt(leaders::get).thenComparing(Comparator.naturalOrder()));
  }

  private static Operator transfer(
      TabletInfo tablet, String from, String to, int fromCount, Map<String, Integer> leaders) {
    String reason = "leaders " + from + "=" + fromCount + " vs " + to + "=" + (leaders.get(to) - 1);
    return Operator.of(
        tablet.tabletId(),
        tablet.epoch(),
        OperatorKind.BALANCE_LEADER,
        reason,
        new Step.TransferLeader(from, to));
  }
}
