package io.cesiumdb.pd.meta;

import io.cesiumdb.proto.placement.Heartbeat;
import io.cesiumdb.proto.placement.NodeEntry;
import io.cesiumdb.proto.placement.TabletEntry;
import io.cesiumdb.proto.placement.TabletReport;
import java.util.List;

/**
 * Records a node's heartbeat: its time (never moving backwards), disk use, reported tablet and
 * leader counts and the reported tablet ids (sorted, distinct: {@code NodeEntry.reported_tablets},
 * which the controller compares with the directory to find lost and orphan replicas); for each
 * reported tablet the node is a replica of, a leader report sets the tablet's leader hint and size,
 * and a non-leader report clears a hint that named this node. Reports about tablets the directory
 * does not know, or does not place on this node, are stale and ignored. Leader changes do not bump
 * epochs.
 *
 * <p>Before that, a leader report whose own descriptor names a tablet the directory does not know
 * may adopt a split the PD did not record ({@link SplitAdoption}); the report then applies to the
 * new tablet like any other.
 */
final class HeartbeatHandler implements CommandHandler<Heartbeat> {
  private final SplitAdoption adoption = new SplitAdoption();

  @Override
  public NodeEntry apply(MetaStores stores, Heartbeat cmd) {
    NodeEntry old =
        stores
            .nodes()
            .node(cmd.getNodeId())
            .orElseThrow(
                () -> MetaErrors.invalid("heartbeat from unregistered node " + cmd.getNodeId()));
    int leaders = (int) cmd.getTabletsList().stream().filter(TabletReport::getIsLeader).count();
    NodeEntry node =
        old.toBuilder()
            .setLastHeartbeatMicros(Math.max(old.getLastHeartbeatMicros(), cmd.getTimeMicros()))
            .setDiskUsedBytes(cmd.getDiskUsedBytes())
            .setTabletCount(cmd.getTabletsCount())
            .setLeaderCount(leaders)
            .clearReportedTablets()
            .addAllReportedTablets(reportedIds(cmd))
            .build();
    stores.nodes().put(node);
    for (TabletReport report : cmd.getTabletsList()) {
      adoption.adopt(stores, cmd.getNodeId(), report);
    }
    for (TabletReport report : cmd.getTabletsList()) {
      stores
          .directory()
          .tablet(report.getTabletId())
          .filter(t -> t.getReplicasList().contains(cmd.getNodeId()))
          .ifPresent(t -> stores.directory().put(applyReport(t, cmd.getNodeId(), report)));
    }
    return node;
  }

  /** The reported tablet ids, distinct, in unsigned order (deterministic for the snapshot). */
  static List<Long> reportedIds(Heartbeat cmd) {
    return cmd.getTabletsList().stream()
        .map(TabletReport::getTabletId)
        .distinct()
        .sorted(Long::compareUnsigned)
        .toList();
  }

  /**
   * A leader report at a term below the one the directory knows is stale (sent before a transfer
   * the PD ordered, or before an election) and changes nothing but the size; otherwise it names the
   * leader. A non-leader report clears a hint naming this node only at a term at least the hint's.
   */
  private static TabletEntry applyReport(TabletEntry tablet, String nodeId, TabletReport report) {
    boolean current = report.getTerm() >= tablet.getLeaderTerm();
    if (report.getIsLeader()) {
      TabletEntry.Builder b =
          tablet.toBuilder().setApproximateSizeBytes(report.getApproximateSizeBytes());
      return current ? b.setLeaderHint(nodeId).setLeaderTerm(report.getTerm()).build() : b.build();
    }
    return current && nodeId.equals(tablet.getLeaderHint())
        ? tablet.toBuilder().clearLeaderHint().build()
        : tablet;
  }
}
