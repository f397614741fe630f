package io.cesiumdb.pd.meta;

import io.cesiumdb.proto.placement.TabletEntry;
import io.cesiumdb.proto.placement.UpdateLeader;

/**
 * Sets a tablet's leader hint (empty = unknown). The hint must name one of the tablet's replicas.
 * Leadership is not a move: the epoch stays.
 */
final class UpdateLeaderHandler implements CommandHandler<UpdateLeader> {

  @Override
  public TabletEntry apply(MetaStores stores, UpdateLeader cmd) {
    TabletEntry old =
        stores
            .directory()
            .tablet(cmd.getTabletId())
            .orElseThrow(() -> MetaErrors.tabletNotFound(cmd.getTabletId()));
    String hint = cmd.getLeaderHint();
    if (!hint.isEmpty() && !old.getReplicasList().contains(hint)) {
      throw MetaErrors.invalid(
          "leader "
              + hint
              + " is not a replica of tablet "
              + old.getTabletId()
              + ": "
              + old.getReplicasList());
    }
    TabletEntry tablet = old.toBuilder().setLeaderHint(hint).build();
    stores.directory().put(tablet);
    return tablet;
  }
}
