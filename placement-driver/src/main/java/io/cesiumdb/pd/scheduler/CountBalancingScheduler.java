package io.cesiumdb.pd.scheduler;

import io.cesiumdb.pd.cluster.ClusterView;
import io.cesiumdb.pd.operator.Operator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The shape both balance schedulers share: count something per UP node, then pick one operator at a
 * time, updating the counts after each pick so one round never overshoots, until nothing is worth
 * moving or {@code maxOperators} are proposed. Subclasses say what they count and how they pick; a
 * tablet is touched at most once per round.
 */
abstract class CountBalancingScheduler implements Scheduler {
  protected final int tolerance;
  private final int maxOperators;

  protected CountBalancingScheduler(int tolerance, int maxOperators) {
    if (tolerance < 1 || maxOperators < 1) {
      throw new IllegalArgumentException("tolerance and maxOperators must be >= 1");
    }
    this.tolerance = tolerance;
    this.maxOperators = maxOperators;
  }

  /** What this scheduler balances, for one UP node of the view. */
  protected abstract int count(ClusterView view, String nodeId);

  /**
   * Picks the next operator, or none when balanced within tolerance. Must update {@code counts} to
   * reflect the pick and add the tablet to {@code touched}.
   */
  protected abstract Optional<Operator> pickOne(
      ClusterView view, Map<String, Integer> counts, Set<Long> touched);

  @Override
  public final List<Operator> schedule(ClusterView view) {
    Map<String, Integer> counts = new HashMap<>();
    view.upNodes().forEach(n -> counts.put(n.id(), count(view, n.id())));
    Set<Long> touched = new HashSet<>();
    List<Operator> ops = new ArrayList<>();
    while (ops.size() < maxOperators) {
      Optional<Operator> op = pickOne(view, counts, touched);
      if (op.isEmpty()) {
        break;
      }
      ops.add(op.get());
    }
    return ops;
  }
}
