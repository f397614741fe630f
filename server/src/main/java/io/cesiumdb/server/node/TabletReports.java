package io.cesiumdb.server.node;

import io.cesiumdb.proto.placement.TabletReport;
import io.cesiumdb.tablet.TabletServer;
import io.cesiumdb.tablet.replication.ReplicaInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a heartbeat says about each tablet the node hosts: leader or not, approximate size, and the
 * replica's own descriptor (from which the placement driver adopts a split it did not record). A
 * tablet removed while the report is built is skipped.
 */
final class TabletReports {
  private TabletReports() {}

  /** One report per hosted tablet, in tablet id order. */
  static List<TabletReport> of(TabletServer tablets) {
    List<TabletReport> out = new ArrayList<>();
    for (long id : tablets.hostedTablets().stream().sorted().toList()) {
      Optional<ReplicaInfo> info = tablets.replicaInfo(id);
      if (info.isEmpty()) {
        continue;
      }
      TabletReport.Builder report =
          TabletReport.newBuilder()
              .setTabletId(id)
              .setIsLeader(info.get().leader())
              .setTerm(info.get().term())
              .setApproximateSizeBytes(tablets.approximateSize(id));
      tablets.descriptor(id).ifPresent(report::setTablet);
      out.add(report.build());
    }
    return out;
  }
}
