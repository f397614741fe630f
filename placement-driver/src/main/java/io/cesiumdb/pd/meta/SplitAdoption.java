package io.cesiumdb.pd.meta;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.proto.placement.SplitTablet;
import io.cesiumdb.proto.placement.TabletEntry;
import io.cesiumdb.proto.placement.TabletReport;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import java.util.Optional;

/**
 * Adopts a split the directory did not record: the PD leader split a tablet's data (or a tablet
 * group split on its own) but died before committing SplitTablet. The right-hand tablet's leader
 * then reports a tablet id the directory does not know, with its range; if that range starts
 * strictly inside a known tablet T of the same keyspace and ends where T ends, T is split there
 * with that id, exactly as a SplitTablet command at T's current epoch would.
 *
 * <p>Deterministic: decided from the report and the directory only. Reports that do not fit (range
 * not a right-hand piece of one tablet, reporter not a replica of T, not the leader) are ignored.
 */
final class SplitAdoption {
  private final SplitTabletHandler split = new SplitTabletHandler();

  /** Applies the split {@code report} implies, if any; returns whether it did. */
  boolean adopt(MetaStores stores, String nodeId, TabletReport report) {
    if (!report.getIsLeader() || !report.hasTablet()) {
      return false;
    }
    TabletDescriptor d = report.getTablet();
    long newId = report.getTabletId();
    TabletDirectory directory = stores.directory();
    if (newId == 0 || directory.tablet(newId).isPresent()) {
      return false;
    }
    Optional<TabletEntry> parent = directory.tabletFor(d.getKeyspace(), d.getStartKey());
    if (parent.isEmpty() || !fits(parent.get(), d, nodeId)) {
      return false;
    }
    SplitTablet cmd =
        SplitTablet.newBuilder()
            .setTabletId(parent.get().getTabletId())
            .setExpectedEpoch(parent.get().getEpoch())
            .setSplitKey(d.getStartKey())
            .setNewTabletId(newId)
            .build();
    try {
      split.apply(stores, cmd);
      return true;
    } catch (CesiumException e) {
      return false; // checked before it changes anything: nothing applied
    }
  }

  private static boolean fits(TabletEntry parent, TabletDescriptor d, String nodeId) {
    return Keys.strictlyInside(parent, d.getStartKey())
        && parent.getEndKey().equals(d.getEndKey())
        && parent.getReplicasList().contains(nodeId);
  }
}
