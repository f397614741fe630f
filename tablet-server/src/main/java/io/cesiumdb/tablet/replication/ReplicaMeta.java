package io.cesiumdb.tablet.replication;

import com.google.protobuf.InvalidProtocolBufferException;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import io.cesiumdb.tablet.storage.MvccReadView;
import io.cesiumdb.tablet.storage.MvccWriteBatch;
import io.cesiumdb.tablet.storage.StorageException;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * The meta entries a tablet replica keeps in the node's {@code MvccStore} (layout: {@code
 * docs/design/mvcc-encoding.md} §4, names and values: {@code docs/design/replication.md}).
 *
 * <ul>
 *   <li>{@value #APPLIED_INDEX}, {@value #APPLIED_TERM}: the last Raft entry applied to the store,
 *       written in the same batch as that entry's data;
 *   <li>{@value #APPLIED_MAX_TS}: the highest commit timestamp applied (the replica's safe time in
 *       issue 3), same batch;
 *   <li>{@value #DESCRIPTOR}: the serialized {@code TabletDescriptor}, written when the replica is
 *       created, so a restart knows the tablet's keyspace, range and replicas; rewritten at a split
 *       and a membership change;
 *   <li>{@value #LEASE_UPTO}: the highest timestamp-lease bound applied (transactions.md §2),
 *       written in the batch of the lease entry;
 *   <li>{@value #SPLIT_CHILD}: the right-hand tablet's descriptor, written by the split's batch and
 *       cleared once this node runs the new tablet's group: a restart in between still starts it.
 * </ul>
 *
 * <p>Longs are 8 bytes big-endian. An empty value means "absent": removing a replica overwrites its
 * entries with empty values, since {@code MvccWriteBatch} has no meta delete.
 */
final class ReplicaMeta {
  static final String APPLIED_INDEX = "applied_index";
  static final String APPLIED_TERM = "applied_term";
  static final String APPLIED_MAX_TS = "applied_max_ts";
  static final String DESCRIPTOR = "descriptor";
  static final String SPLIT_CHILD = "split_child";
  static final String LEASE_UPTO = "lease_upto";

  private ReplicaMeta() {}

  /**
   * A replica's applied position.
   *
   * @param term term of the last applied entry
   * @param index index of the last applied entry; -1 when nothing was applied (Ratis' "invalid")
   * @param maxTs highest commit timestamp applied so far; 0 when none
   */
  record Applied(long term, long index, long maxTs) {
    static final Applied NONE = new Applied(0, -1, 0);
  }

  static Applied readApplied(MvccReadView view, long tabletId) {
    long index = readLong(view, tabletId, APPLIED_INDEX, -1);
    if (index < 0) {
      // A tablet born at a split has applied nothing of its own log yet, but starts at the
      // split's timestamp.
      return new Applied(0, -1, readLong(view, tabletId, APPLIED_MAX_TS, 0));
    }
    return new Applied(
        readLong(view, tabletId, APPLIED_TERM, 0),
        index,
        readLong(view, tabletId, APPLIED_MAX_TS, 0));
  }

  static void writeApplied(MvccWriteBatch batch, long tabletId, Applied applied) {
    batch.putMeta(tabletId, APPLIED_INDEX, longBytes(applied.index()));
    batch.putMeta(tabletId, APPLIED_TERM, longBytes(applied.term()));
    batch.putMeta(tabletId, APPLIED_MAX_TS, longBytes(applied.maxTs()));
  }

  static long readLeaseUpto(MvccReadView view, long tabletId) {
    return readLong(view, tabletId, LEASE_UPTO, 0);
  }

  static void writeLeaseUpto(MvccWriteBatch batch, long tabletId, long upto) {
    batch.putMeta(tabletId, LEASE_UPTO, longBytes(upto));
  }

  static Optional<TabletDescriptor> readDescriptor(MvccReadView view, long tabletId) {
    return readDescriptor(view, tabletId, DESCRIPTOR);
  }

  static Optional<TabletDescriptor> readSplitChild(MvccReadView view, long tabletId) {
    return readDescriptor(view, tabletId, SPLIT_CHILD);
  }

  static void writeSplitChild(MvccWriteBatch batch, long tabletId, TabletDescriptor child) {
    batch.putMeta(tabletId, SPLIT_CHILD, child.toByteArray());
  }

  static void clearSplitChild(MvccWriteBatch batch, long tabletId) {
    batch.putMeta(tabletId, SPLIT_CHILD, new byte[0]);
  }

  private static Optional<TabletDescriptor> readDescriptor(
      MvccReadView view, long tabletId, String name) {
    Optional<byte[]> bytes = view.getMeta(tabletId, name).filter(b -> b.length > 0);
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(TabletDescriptor.parseFrom(bytes.get()));
    } catch (InvalidProtocolBufferException e) {
      throw new StorageException("corrupt " + name + " of tablet " + tabletId, e);
    }
  }

  static void writeDescriptor(MvccWriteBatch batch, TabletDescriptor descriptor) {
    batch.putMeta(descriptor.getTabletId(), DESCRIPTOR, descriptor.toByteArray());
  }

  /** Deletes every entry of the tablet (a fresh or removed replica). */
  static void clear(MvccWriteBatch batch, long tabletId) {
    batch.deleteMeta(tabletId);
  }

  private static long readLong(MvccReadView view, long tabletId, String name, long absent) {
    return view.getMeta(tabletId, name)
        .filter(b -> b.length > 0)
        .map(
            b -> {
              if (b.length != Long.BYTES) {
                throw new StorageException("meta " + name + " of tablet " + tabletId + " corrupt");
              }
              return ByteBuffer.wrap(b).getLong();
            })
        .orElse(absent);
  }

  private static byte[] longBytes(long value) {
    return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
  }
}
