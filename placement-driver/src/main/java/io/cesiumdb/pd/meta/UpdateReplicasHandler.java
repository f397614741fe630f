package io.cesiumdb.pd.meta;

import io.cesiumdb.proto.placement.TabletEntry;
import io.cesiumdb.proto.placement.UpdateReplicas;

/**
 * Commits a tablet's new replica set after an operator changed its Raft membership. Bumps the
 * epoch; keeps the leader hint if that node is still a replica, clears it otherwise. Rejects a
 * stale expected epoch with TABLET_MOVED, and an empty, duplicate or unregistered replica with
 * INVALID_ARGUMENT.
 */
final class UpdateReplicasHandler implements CommandHandler<UpdateReplicas> {

  @Override
  public TabletEntry apply(MetaStores stores, UpdateReplicas cmd) {
    TabletEntry old =
        MetaErrors.atEpoch(stores.directory(), cmd.getTabletId(), cmd.getExpectedEpoch());
    MetaErrors.checkReplicas(stores.nodes(), cmd.getReplicasList(), "tablet " + cmd.getTabletId());
    TabletEntry.Builder next =
        old.toBuilder()
            .clearReplicas()
            .addAllReplicas(cmd.getReplicasList())
            .setEpoch(old.getEpoch() + 1);
    if (!cmd.getReplicasList().contains(old.getLeaderHint())) {
      next.clearLeaderHint();
    }
    TabletEntry tablet = next.build();
    stores.directory().put(tablet);
    return tablet;
  }
}
