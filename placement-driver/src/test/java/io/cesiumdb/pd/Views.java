package io.cesiumdb.pd;

import io.cesiumdb.pd.cluster.ClusterView;
import io.cesiumdb.pd.cluster.TabletInfo;
import io.cesiumdb.pd.operator.Operator;
import io.cesiumdb.pd.operator.Step;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Small readers over views and operators that keep test assertions one line long. */
public final class Views {
  private Views() {}

  /** Node id → tablet count, sorted by id, for the nodes in the view. */
  public static Map<String, Integer> tabletCounts(ClusterView view) {
    Map<String, Integer> counts = new TreeMap<>();
    view.nodes().forEach(n -> counts.put(n.id(), view.tabletCount(n.id())));
    return counts;
  }

  /** Node id → leader count, sorted by id, for the nodes in the view. */
  public static Map<String, Integer> leaderCounts(ClusterView view) {
    Map<String, Integer> counts = new TreeMap<>();
    view.nodes().forEach(n -> counts.put(n.id(), view.leaderCount(n.id())));
    return counts;
  }

  public static int spread(Map<String, Integer> counts) {
    int max = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    int min = counts.values().stream().mapToInt(Integer::intValue).min().orElse(0);
    return max - min;
  }

  /** The node of the operator's first AddReplica step, or null. */
  public static String addedNode(Operator op) {
    return op.steps().stream()
        .filter(s -> s instanceof Step.AddReplica)
        .map(s -> ((Step.AddReplica) s).node())
        .findFirst()
        .orElse(null);
  }

  public static TabletInfo tablet(ClusterView view, long id) {
    return view.tablet(id).orElseThrow();
  }

  public static List<Long> tabletIds(List<Operator> ops) {
    return ops.stream().map(Operator::tabletId).toList();
  }
}
