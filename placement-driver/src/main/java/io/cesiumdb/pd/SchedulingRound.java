package io.cesiumdb.pd;

import io.cesiumdb.pd.checker.CheckResult;
import io.cesiumdb.pd.checker.Checker;
import io.cesiumdb.pd.checker.ReplicaChecker;
import io.cesiumdb.pd.cluster.ClusterView;
import io.cesiumdb.pd.operator.Operator;
import io.cesiumdb.pd.scheduler.BalanceLeaderScheduler;
import io.cesiumdb.pd.scheduler.BalanceTabletScheduler;
import io.cesiumdb.pd.scheduler.Scheduler;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One decision round over a view: checkers first, then schedulers, which see the checkers' tablets
 * as pending so they do not plan around a repair. The result keeps the first operator per tablet
 * (checkers win, then earlier schedulers), drops operators for tablets already pending in the view,
 * and is ordered by priority (repair before balance), stable within a priority.
 */
public final class SchedulingRound {
  private final List<Checker> checkers;
  private final List<Scheduler> schedulers;

  public SchedulingRound(List<Checker> checkers, List<Scheduler> schedulers) {
    this.checkers = List.copyOf(checkers);
    this.schedulers = List.copyOf(schedulers);
  }

  /** The replica checker, then leader balance, then tablet balance, with default settings. */
  public static SchedulingRound defaults() {
    return new SchedulingRound(
        List.of(new ReplicaChecker()),
        List.of(new BalanceLeaderScheduler(), new BalanceTabletScheduler()));
  }

  public RoundResult run(ClusterView view) {
    Map<Long, Operator> byTablet = new LinkedHashMap<>();
    List<String> unresolved = new ArrayList<>();
    for (Checker checker : checkers) {
      CheckResult result = checker.check(view);
      result.operators().forEach(op -> keepFirst(view, byTablet, op));
      unresolved.addAll(result.unresolved());
    }
    ClusterView afterCheckers = view.withPending(byTablet.keySet());
    for (Scheduler scheduler : schedulers) {
      scheduler.schedule(afterCheckers).forEach(op -> keepFirst(view, byTablet, op));
    }
    List<Operator> ordered = new ArrayList<>(byTablet.values());
    ordered.sort(Comparator.comparing(Operator::priority));
    return new RoundResult(ordered, unresolved);
  }

  private static void keepFirst(ClusterView view, Map<Long, Operator> byTablet, Operator op) {
    if (!view.hasPending(op.tabletId())) {
      byTablet.putIfAbsent(op.tabletId(), op);
    }
  }
}
