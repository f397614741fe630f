package io.cesiumdb.pd.meta;

import io.cesiumdb.proto.placement.SplitTablet;
import io.cesiumdb.proto.placement.TabletEntry;

/**
 * Splits {@code [start, end)} at {@code k} into {@code [start, k)} (keeps the tablet id) and {@code
 * [k, end)} (the new tablet id). Both halves get epoch + 1, the old replicas and leader hint, and
 * half the size each. Rejects: unknown tablet → TABLET_NOT_FOUND; stale expected epoch →
 * TABLET_MOVED with the current epoch; {@code k} not strictly inside {@code (start, end)} or a new
 * tablet id already in use → INVALID_ARGUMENT.
 */
final class SplitTabletHandler implements CommandHandler<SplitTablet> {

  @Override
  public TabletSplit apply(MetaStores stores, SplitTablet cmd) {
    TabletDirectory directory = stores.directory();
    TabletEntry old = MetaErrors.atEpoch(directory, cmd.getTabletId(), cmd.getExpectedEpoch());
    if (!Keys.strictlyInside(old, cmd.getSplitKey())) {
      throw MetaErrors.invalid(
          "split key is not strictly inside tablet " + old.getTabletId() + "'s range");
    }
    long newId = cmd.getNewTabletId();
    if (newId != 0 && directory.tablet(newId).isPresent()) {
      throw MetaErrors.invalid("new tablet id " + newId + " is in use");
    }
    if (newId == 0) {
      newId = directory.allocateTabletId();
    } else {
      directory.reserve(newId);
    }
    long epoch = old.getEpoch() + 1;
    long size = old.getApproximateSizeBytes();
    TabletEntry left =
        old.toBuilder()
            .setEndKey(cmd.getSplitKey())
            .setEpoch(epoch)
            .setApproximateSizeBytes(size / 2)
            .build();
    TabletEntry right =
        old.toBuilder()
            .setTabletId(newId)
            .setStartKey(cmd.getSplitKey())
            .setEpoch(epoch)
            .setApproximateSizeBytes(size - size / 2)
            // A new Raft group: its terms start again, and its leader is not known yet.
            .clearLeaderHint()
            .setLeaderTerm(0)
            .build();
    directory.put(left);
    directory.put(right);
    return new TabletSplit(left, right);
  }
}
