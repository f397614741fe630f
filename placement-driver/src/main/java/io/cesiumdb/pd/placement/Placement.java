package io.cesiumdb.pd.placement;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.pd.cluster.ClusterView;
import io.cesiumdb.pd.cluster.NodeInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Places the replicas of new tablets. Each tablet goes to the {@code replicas} UP nodes with the
 * fewest tablets (existing ones in the view plus those placed earlier in the same call), ties
 * broken by node id; among those, the node with the fewest leaders becomes the preferred leader.
 * Greedy fewest-first keeps per-node tablet counts within one of each other when they start so.
 *
 * <p>Pure and deterministic: the same view and arguments give the same placements.
 */
public final class Placement {
  public static final int DEFAULT_REPLICAS = 3;

  private Placement() {}

  /** {@link #placeNewTablets(ClusterView, int, int)} with three replicas. */
  public static List<TabletPlacement> placeNewTablets(ClusterView view, int count) {
    return placeNewTablets(view, count, DEFAULT_REPLICAS);
  }

  /**
   * Places {@code count} new tablets of {@code replicas} replicas each.
   *
   * @throws CesiumException {@code UNAVAILABLE} when fewer than {@code replicas} nodes are UP;
   *     {@code INVALID_ARGUMENT} when {@code count} or {@code replicas} is below one
   */
  public static List<TabletPlacement> placeNewTablets(ClusterView view, int count, int replicas) {
    if (count < 1 || replicas < 1) {
      throw new CesiumException(
          ErrorCode.INVALID_ARGUMENT,
          "need count >= 1 and replicas >= 1, got " + count + " and " + replicas);
    }
    List<String> up = view.upNodes().stream().map(NodeInfo::id).toList();
    if (up.size() < replicas) {
      throw new CesiumException(
          ErrorCode.UNAVAILABLE,
          "cannot place "
              + replicas
              + " replicas: only "
              + up.size()
              + " UP nodes "
              + up
              + " of "
              + view.nodes().size());
    }
    Map<String, Integer> tablets = new HashMap<>();
    Map<String, Integer> leaders = new HashMap<>();
    up.forEach(n -> tablets.put(n, view.tabletCount(n)));
    up.forEach(n -> leaders.put(n, view.leaderCount(n)));
    List<TabletPlacement> result = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      result.add(placeOne(up, replicas, tablets, leaders));
    }
    return result;
  }

  private static TabletPlacement placeOne(
      List<String> up, int replicas, Map<String, Integer> tablets, Map<String, Integer> leaders) {
    List<String> chosen = up.stream().sorted(byCount(tablets)).limit(replicas).toList();
    List<String> ordered = chosen.stream().sorted(byCount(leaders)).toList();
    chosen.forEach(n -> tablets.merge(n, 1, Integer::sum));
    leaders.merge(ordered.get(0), 1, Integer::sum);
    return new TabletPlacement(ordered);
  }

  private static Comparator<String> byCount(Map<String, Integer> counts) {
    return Comparator.<String>comparingInt(counts::get).thenComparing(Comparator.naturalOrder());
  }
}
