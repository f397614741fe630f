package io.cesiumdb.tablet.replication;

import io.cesiumdb.tablet.storage.MvccReadView;
import io.cesiumdb.tablet.storage.MvccWriteBatch;
import java.nio.ByteBuffer;

/**
 * A tablet replica's applied GC horizon (transactions.md §6), meta entry {@value #META}: versions
 * older than the newest one at or below it may be gone, so reads below it are refused ({@code
 * TXN_SNAPSHOT_TOO_OLD}). Written in the batch of the {@code GcBelow} entry that removed them.
 */
public final class GcHorizons {
  static final String META = "gc_horizon";

  private GcHorizons() {}

  public static long read(MvccReadView store, long tabletId) {
    return store
        .getMeta(tabletId, META)
        .filter(b -> b.length == Long.BYTES)
        .map(b -> ByteBuffer.wrap(b).getLong())
        .orElse(0L);
  }

  public static void write(MvccWriteBatch batch, long tabletId, long horizon) {
    batch.putMeta(tabletId, META, ByteBuffer.allocate(Long.BYTES).putLong(horizon).array());
  }
}
