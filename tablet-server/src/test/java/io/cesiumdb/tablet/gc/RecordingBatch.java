package io.cesiumdb.tablet.gc;

import io.cesiumdb.tablet.storage.MvccWriteBatch;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * An {@link MvccWriteBatch} that forwards to a store's batch and records every {@code
 * deleteVersion} as {@code "ks/hexkey@ts"}, so tests can compare the exact removals GC chose.
 */
final class RecordingBatch implements MvccWriteBatch {
  private final MvccWriteBatch inner;
  private final List<String> removals = new ArrayList<>();

  RecordingBatch(MvccWriteBatch inner) {
    this.inner = inner;
  }

  /** Returns the store's batch, to apply. */
  MvccWriteBatch inner() {
    return inner;
  }

  /** Returns the removals recorded so far, in the order they were added. */
  List<String> removals() {
    return List.copyOf(removals);
  }

  @Override
  public MvccWriteBatch deleteVersion(long keyspace, byte[] key, long ts) {
    removals.add(keyspace + "/" + HexFormat.of().formatHex(key) + "@" + ts);
    inner.deleteVersion(keyspace, key, ts);
    return this;
  }

  @Override
  public MvccWriteBatch put(long keyspace, byte[] key, long ts, byte[] value) {
    throw new AssertionError("GC must not put");
  }

  @Override
  public MvccWriteBatch tombstone(long keyspace, byte[] key, long ts) {
    throw new AssertionError("GC must not write tombstones");
  }

  @Override
  public MvccWriteBatch deleteRange(long keyspace, byte[] startKey, byte[] endKey) {
    throw new AssertionError("GC must not delete ranges");
  }

  @Override
  public MvccWriteBatch putMeta(long tabletId, String name, byte[] value) {
    throw new AssertionError("GC must not write meta");
  }

  @Override
  public MvccWriteBatch deleteMeta(long tabletId, String name) {
    throw new AssertionError("GC must not delete meta");
  }

  @Override
  public MvccWriteBatch deleteMeta(long tabletId) {
    throw new AssertionError("GC must not delete meta");
  }

  @Override
  public void close() {
    inner.close();
  }
}
