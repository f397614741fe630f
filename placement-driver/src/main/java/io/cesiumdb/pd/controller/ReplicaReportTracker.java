package io.cesiumdb.pd.controller;

import io.cesiumdb.pd.cluster.ClusterView;
import io.cesiumdb.pd.cluster.ReplicaRef;
import io.cesiumdb.pd.cluster.ReplicaReports;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The PD leader's memory of how long each difference between the nodes' reports and the directory
 * ({@link ReplicaReports}) has lasted: a missing replica first seen at t is lost once {@code now −
 * t > grace}; an orphan first seen at t is due for removal then, once per occurrence.
 *
 * <p>Soft state on purpose: it lives on the leader only and starts empty on every leadership change
 * (so a new leader waits one grace before acting, like it does for DOWN nodes). A difference that
 * disappears from one view (the node reported the tablet again, the directory moved it, the node
 * stopped being UP) is forgotten, and a later one starts a new occurrence. Tablets with an operator
 * in flight are tracked but never reported as lost or due.
 *
 * <p>Thread-safe: rounds observe, removal callbacks report failures from other threads.
 */
final class ReplicaReportTracker {
  /** Lost replicas to replace, and orphans whose removal is due, both past the grace. */
  record Findings(SortedSet<ReplicaRef> lost, List<ReplicaRef> orphansDue) {}

  private final Map<ReplicaRef, Long> missingSince = new HashMap<>();
  private final Map<ReplicaRef, Long> orphanSince = new HashMap<>();
  private final Set<ReplicaRef> orphanHandled = new HashSet<>();

  /** Updates the first-seen times from {@code view} at {@code nowMicros}; what is due now. */
  synchronized Findings observe(ClusterView view, long nowMicros, long graceMicros) {
    SortedSet<ReplicaRef> missing = ReplicaReports.missing(view);
    SortedSet<ReplicaRef> orphans = ReplicaReports.orphans(view);
    remember(missingSince, missing, nowMicros);
    remember(orphanSince, orphans, nowMicros);
    orphanHandled.retainAll(orphans);
    SortedSet<ReplicaRef> lost = due(view, missing, missingSince, nowMicros, graceMicros);
    SortedSet<ReplicaRef> orphansDue = due(view, orphans, orphanSince, nowMicros, graceMicros);
    orphansDue.removeAll(orphanHandled);
    return new Findings(lost, List.copyOf(orphansDue));
  }

  /** The removal of {@code orphan} was started: not due again in this occurrence. */
  synchronized void removalStarted(ReplicaRef orphan) {
    orphanHandled.add(orphan);
  }

  /** The removal of {@code orphan} failed: a new occurrence, due again after another grace. */
  synchronized void removalFailed(ReplicaRef orphan) {
    orphanHandled.remove(orphan);
    orphanSince.remove(orphan);
  }

  /** Forgets everything (leadership lost). */
  synchronized void clear() {
    missingSince.clear();
    orphanSince.clear();
    orphanHandled.clear();
  }

  private static void remember(Map<ReplicaRef, Long> since, Set<ReplicaRef> seen, long now) {
    since.keySet().retainAll(seen);
    seen.forEach(r -> since.putIfAbsent(r, now));
  }

  private static SortedSet<ReplicaRef> due(
      ClusterView view, Set<ReplicaRef> seen, Map<ReplicaRef, Long> since, long now, long grace) {
    SortedSet<ReplicaRef> out = new TreeSet<>();
    for (ReplicaRef r : seen) {
      if (now - since.get(r) > grace && !view.hasPending(r.tabletId())) {
        out.add(r);
      }
    }
    return out;
  }
}
