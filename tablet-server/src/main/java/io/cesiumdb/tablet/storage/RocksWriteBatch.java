package io.cesiumdb.tablet.storage;

import java.util.Arrays;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * An {@link MvccWriteBatch} on a native RocksDB {@link WriteBatch} spanning the {@code data} and
 * {@code meta} column families, so one {@code db.write} applies a Raft entry and its applied index
 * atomically. Holds native memory until closed.
 */
final class RocksWriteBatch implements MvccWriteBatch {
  private final Object owner;
  private final ColumnFamilyHandle dataCf;
  private final ColumnFamilyHandle metaCf;
  private final WriteBatch batch = new WriteBatch();

  RocksWriteBatch(Object owner, ColumnFamilyHandle dataCf, ColumnFamilyHandle metaCf) {
    this.owner = owner;
    this.dataCf = dataCf;
    this.metaCf = metaCf;
  }

  @Override
  public MvccWriteBatch put(long keyspace, byte[] key, long ts, byte[] value) {
    byte[] stored = ValueCodec.put(value);
    return mutate(() -> batch.put(dataCf, KeyCodec.encode(keyspace, key, ts), stored));
  }

  @Override
  public MvccWriteBatch tombstone(long keyspace, byte[] key, long ts) {
    return mutate(
        () -> batch.put(dataCf, KeyCodec.encode(keyspace, key, ts), ValueCodec.tombstone()));
  }

  @Override
  public MvccWriteBatch deleteVersion(long keyspace, byte[] key, long ts) {
    byte[] k = KeyCodec.encode(keyspace, key, ts);
    return mutate(() -> batch.delete(dataCf, k));
  }

  @Override
  public MvccWriteBatch deleteRange(long keyspace, byte[] startKey, byte[] endKey) {
    byte[] lower = KeyCodec.rangeStart(keyspace, startKey);
    byte[] upper = KeyCodec.rangeEnd(keyspace, endKey);
    if (Arrays.compareUnsigned(lower, upper) >= 0) {
      return this;
    }
    return mutate(() -> batch.deleteRange(dataCf, lower, upper));
  }

  @Override
  public MvccWriteBatch putMeta(long tabletId, String name, byte[] value) {
    byte[] key = MetaKeyCodec.encode(tabletId, name);
    return mutate(() -> batch.put(metaCf, key, value));
  }

  @Override
  public MvccWriteBatch deleteMeta(long tabletId, String name) {
    byte[] key = MetaKeyCodec.encode(tabletId, name);
    return mutate(() -> batch.delete(metaCf, key));
  }

  @Override
  public MvccWriteBatch deleteMeta(long tabletId) {
    byte[] lower = MetaKeyCodec.tabletStart(tabletId);
    byte[] upper = MetaKeyCodec.tabletEnd(tabletId);
    return mutate(() -> batch.deleteRange(metaCf, lower, upper));
  }

  /** Returns the native batch for {@code db.write}, after checking it belongs to {@code store}. */
  WriteBatch nativeBatch(Object store) {
    if (store != owner) {
      throw new IllegalArgumentException("batch belongs to another store");
    }
    return batch;
  }

  @Override
  public void close() {
    batch.close();
  }

  private MvccWriteBatch mutate(Mutation mutation) {
    try {
      mutation.run();
    } catch (RocksDBException e) {
      throw new StorageException("write batch update failed", e);
    }
    return this;
  }

  /** A native batch update. */
  @FunctionalInterface
  private interface Mutation {
    void run() throws RocksDBException;
  }
}
