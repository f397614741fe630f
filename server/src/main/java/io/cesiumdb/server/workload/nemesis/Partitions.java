package io.cesiumdb.server.workload.nemesis;

import io.cesiumdb.common.fault.FaultPlan.Link;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The partition shapes of Jepsen's CockroachDB suite, as sets of dropped directed links over node
 * ids (pure functions; the caller shuffles the ids with the run's seed).
 */
final class Partitions {
  private Partitions() {}

  /** The first half (rounded down) against the rest: both directions cut. */
  static Set<Link> halves(List<String> ids) {
    int cut = ids.size() / 2;
    return cutBetween(ids.subList(0, cut), ids.subList(cut, ids.size()));
  }

  /** The first node cut off from every other node, both directions. */
  static Set<Link> isolateFirst(List<String> ids) {
    return ids.isEmpty() ? Set.of() : cutBetween(ids.subList(0, 1), ids.subList(1, ids.size()));
  }

  /**
   * Majorities ring: with the ids on a ring, node i hears only itself and the next {@code n/2}
   * nodes (a majority, n/2 + 1 with itself) and drops what the others send it. Every node sees a
   * majority, no two see the same one (n ≥ 3).
   */
  static Set<Link> majorityRing(List<String> ids) {
    int n = ids.size();
    Set<Link> drops = new LinkedHashSet<>();
    for (int i = 0; i < n; i++) {
      for (int d = n / 2 + 1; d < n; d++) {
        drops.add(new Link(ids.get((i + d) % n), ids.get(i)));
      }
    }
    return drops;
  }

  private static Set<Link> cutBetween(List<String> a, List<String> b) {
    Set<Link> drops = new LinkedHashSet<>();
    for (String x : a) {
      for (String y : b) {
        drops.add(new Link(x, y));
        drops.add(new Link(y, x));
      }
    }
    return drops;
  }
}
