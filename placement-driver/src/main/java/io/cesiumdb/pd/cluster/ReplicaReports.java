package io.cesiumdb.pd.cluster;

import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Compares what UP nodes reported hosting with what the directory places on them. Pure and sorted;
 * no time: how long a difference lasted is the controller's business (a brand-new replica is not
 * reported for a heartbeat or two, so a single view proves nothing).
 *
 * <ul>
 *   <li><b>missing</b>: the directory places tablet T on UP node N, N's last heartbeat did not
 *       report T (N missed a split, its CreateReplica failed, …);
 *   <li><b>orphan</b>: UP node N reported tablet T, the directory knows T but does not place it on
 *       N (a PD failover between ChangeReplicas and its commit, a replica removed while N was
 *       down). Tablet ids the directory does not know are never orphans: a split-born tablet is
 *       reported before the directory adopts it.
 * </ul>
 *
 * Nodes that are not UP are skipped both ways: their reports are stale and DOWN replicas are
 * repaired anyway. Pending tablets are included; acting on them is the caller's to refuse.
 */
public final class ReplicaReports {
  private ReplicaReports() {}

  /** Replicas the directory places on UP nodes that those nodes did not report. */
  public static SortedSet<ReplicaRef> missing(ClusterView view) {
    SortedSet<ReplicaRef> out = new TreeSet<>();
    for (TabletInfo tablet : view.tablets()) {
      for (String nodeId : tablet.replicas()) {
        view.node(nodeId)
            .filter(n -> n.isUp() && !n.reports(tablet.tabletId()))
            .ifPresent(n -> out.add(new ReplicaRef(tablet.tabletId(), nodeId)));
      }
    }
    return out;
  }

  /** Replicas UP nodes reported of known tablets the directory does not place on them. */
  public static SortedSet<ReplicaRef> orphans(ClusterView view) {
    SortedSet<ReplicaRef> out = new TreeSet<>();
    for (NodeInfo node : view.upNodes()) {
      for (long tabletId : node.reportedTablets()) {
        view.tablet(tabletId)
            .filter(t -> !t.hasReplicaOn(node.id()))
            .ifPresent(t -> out.add(new ReplicaRef(tabletId, node.id())));
      }
    }
    return out;
  }
}
