package io.cesiumdb.tablet.storage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NavigableMap;
import java.util.function.BiConsumer;

/** An {@link MvccWriteBatch} that records mutations of two sorted maps, replayed on apply. */
final class InMemoryWriteBatch implements MvccWriteBatch {
  /** One recorded mutation of the (data, meta) maps. */
  private interface Op
      extends BiConsumer<NavigableMap<byte[], byte[]>, NavigableMap<byte[], byte[]>> {}

  private final Object owner;
  private final List<Op> ops = new ArrayList<>();

  InMemoryWriteBatch(Object owner) {
    this.owner = owner;
  }

  @Override
  public MvccWriteBatch put(long keyspace, byte[] key, long ts, byte[] value) {
    byte[] k = KeyCodec.encode(keyspace, key, ts);
    byte[] v = ValueCodec.put(value);
    ops.add((data, meta) -> data.put(k, v));
    return this;
  }

  @Override
  public MvccWriteBatch tombstone(long keyspace, byte[] key, long ts) {
    byte[] k = KeyCodec.encode(keyspace, key, ts);
    ops.add((data, meta) -> data.put(k, ValueCodec.tombstone()));
    return this;
  }

  @Override
  public MvccWriteBatch deleteVersion(long keyspace, byte[] key, long ts) {
    byte[] k = KeyCodec.encode(keyspace, key, ts);
    ops.add((data, meta) -> data.remove(k));
    return this;
  }

  @Override
  public MvccWriteBatch deleteRange(long keyspace, byte[] startKey, byte[] endKey) {
    byte[] lower = KeyCodec.rangeStart(keyspace, startKey);
    byte[] upper = KeyCodec.rangeEnd(keyspace, endKey);
    if (Arrays.compareUnsigned(lower, upper) < 0) {
      ops.add((data, meta) -> data.subMap(lower, true, upper, false).clear());
    }
    return this;
  }

  @Override
  public MvccWriteBatch putMeta(long tabletId, String name, byte[] value) {
    byte[] k = MetaKeyCodec.encode(tabletId, name);
    byte[] v = value.clone();
    ops.add((data, meta) -> meta.put(k, v));
    return this;
  }

  @Override
  public MvccWriteBatch deleteMeta(long tabletId, String name) {
    byte[] k = MetaKeyCodec.encode(tabletId, name);
    ops.add((data, meta) -> meta.remove(k));
    return this;
  }

  @Override
  public MvccWriteBatch deleteMeta(long tabletId) {
    byte[] lower = MetaKeyCodec.tabletStart(tabletId);
    byte[] upper = MetaKeyCodec.tabletEnd(tabletId);
    ops.add((data, meta) -> meta.subMap(lower, true, upper, false).clear());
    return this;
  }

  /** Replays the recorded mutations; the caller holds the store's exclusive lock. */
  void applyTo(Object store, NavigableMap<byte[], byte[]> data, NavigableMap<byte[], byte[]> meta) {
    if (store != owner) {
      throw new IllegalArgumentException("batch belongs to another store");
    }
    for (Op op : ops) {
      op.accept(data, meta);
    }
  }

  @Override
  public void close() {
    ops.clear();
  }
}
