package io.cesiumdb.tablet.storage;

/**
 * A set of mutations that {@link MvccStore#apply} makes visible atomically, data and meta together.
 * Nothing is visible before apply. Operations apply in the order they were added (a put after a
 * deleteRange in the same batch survives). A batch is filled by one thread, applied once and then
 * closed; it holds native memory in the RocksDB engine.
 */
public interface MvccWriteBatch extends AutoCloseable {
  /** Adds version {@code ts} of {@code key} with {@code value}; overwrites an equal version. */
  MvccWriteBatch put(long keyspace, byte[] key, long ts, byte[] value);

  /** Adds a tombstone (a delete) as version {@code ts} of {@code key}. */
  MvccWriteBatch tombstone(long keyspace, byte[] key, long ts);

  /**
   * Physically removes exactly version {@code ts} of {@code key}, a put or a tombstone; a no-op if
   * there is no such version. Other versions of the key are untouched, so reads at {@code ts} and
   * above may now see an older version: the caller (multi-version GC, {@code
   * io.cesiumdb.tablet.gc.VersionGc}) decides which removals leave reads unchanged.
   */
  MvccWriteBatch deleteVersion(long keyspace, byte[] key, long ts);

  /**
   * Physically drops every version, tombstones included, of the keys in [startKey, endKey); a null
   * endKey means the end of the keyspace. Used to discard a tablet's range, not for SQL deletes.
   */
  MvccWriteBatch deleteRange(long keyspace, byte[] startKey, byte[] endKey);

  /** Sets meta entry {@code name} of {@code tabletId} (for example the Raft applied index). */
  MvccWriteBatch putMeta(long tabletId, String name, byte[] value);

  /** Deletes meta entry {@code name} of {@code tabletId}; a no-op if there is none. */
  MvccWriteBatch deleteMeta(long tabletId, String name);

  /**
   * Deletes every meta entry of one tablet (a removed replica). A {@code putMeta} later in the same
   * batch survives, as with {@link #deleteRange}.
   */
  MvccWriteBatch deleteMeta(long tabletId);

  /** Releases the batch's resources. Idempotent. */
  @Override
  void close();
}
