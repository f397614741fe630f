package io.cesiumdb.pd.meta;

import io.cesiumdb.proto.placement.TabletEntry;
import io.cesiumdb.proto.placement.UpdateLeader;

/**
 * Sets a tablet's leader hint (empty = unknown). The hint must name one of the tablet's replicas.
 * Leadership is not a move: the epoch stays. A new hint raises the known leader term by one (a
 * transfer always ends in a higher term), so older heartbeats cannot bring the old leader back.
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
    // A transfer the PD ordered happened at a higher term than any leadership it knew of.
    long term = hint.equals(old.getLeaderHint()) ? old.getLeaderTerm() : old.getLeaderTerm() + 1;
    TabletEntry tablet = old.toBuilder().setLeaderHint(hint).setLeaderTerm(term).build();
    stores.directory().put(tablet);
    return tablet;
  }
}
