package io.cesiumdb.tablet.replication.apply;

import com.google.protobuf.ByteString;
import io.cesiumdb.proto.tablet.SplitRange;
import io.cesiumdb.proto.tablet.TabletCommand;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import io.cesiumdb.tablet.replication.TabletRange;
import io.cesiumdb.tablet.storage.MvccWriteBatch;
import java.util.Arrays;

/**
 * {@code SplitRange}: the tablet keeps [start, k) and a new tablet takes [k, end) with the same
 * replicas, over the data already in every node's store (docs/design/split.md). This handler only
 * decides, deterministically from the entry and the descriptor before it; the state machine writes
 * both descriptors, the new tablet's starting position and the hand-over note in the entry's batch.
 *
 * <p>Refused (nothing changes) when k is not strictly inside the current range, which happens when
 * a concurrent split got in first. Both halves get epoch + 1; the split's timestamp is applied like
 * a write's, so every later write of either half gets a larger one.
 */
public final class SplitRangeHandler implements CommandHandler {

  @Override
  public ApplyOutcome apply(TabletCommand command, ApplyContext context, MvccWriteBatch batch) {
    SplitRange split = command.getSplitRange();
    TabletDescriptor d = context.descriptor();
    long ts = split.getSplitTs();
    if (ts <= context.appliedMaxTs()) {
      context.timestampRegression().accept(ts);
    }
    long maxTs = Math.max(context.appliedMaxTs(), ts);
    if (!strictlyInside(d, split.getSplitKey())) {
      return ApplyOutcome.refused(maxTs, "split key not strictly inside the tablet's range");
    }
    if (!context.prepared().all().isEmpty()) {
      // Prepared records and their locks belong to one group; the split waits for them.
      return ApplyOutcome.refused(context.appliedMaxTs(), "prepared transactions pending");
    }
    return ApplyOutcome.split(
        maxTs,
        left(d, split.getSplitKey()),
        right(d, split.getSplitKey(), split.getRightTabletId()));
  }

  /** True if {@code key} lies in (start, end): both halves are non-empty ranges. */
  public static boolean strictlyInside(TabletDescriptor d, ByteString key) {
    return TabletRange.contains(d, key)
        && Arrays.compareUnsigned(key.toByteArray(), TabletRange.start(d)) > 0;
  }

  static TabletDescriptor left(TabletDescriptor d, ByteString key) {
    return d.toBuilder().setEndKey(key).setEpoch(d.getEpoch() + 1).build();
  }

  /** The right-hand tablet of splitting {@code d} at {@code key}: same keyspace and replicas. */
  public static TabletDescriptor right(TabletDescriptor d, ByteString key, long rightTabletId) {
    return d.toBuilder()
        .setTabletId(rightTabletId)
        .setStartKey(key)
        .setEpoch(d.getEpoch() + 1)
        .build();
  }
}
