package io.cesiumdb.tablet.storage;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Options of the node's single RocksDB instance ({@link RocksMvccStore}). The defaults are the
 * combination verified on the project's 2-core, small-memory test box (dependencies.md §6.4); raise
 * the cache and write-buffer budgets on real hardware.
 *
 * @param dir the database directory; created if missing
 * @param blockCacheBytes capacity of the one {@code LRUCache} shared by every column family
 *     (default 32 MB); index and filter blocks are charged to it too
 * @param writeBufferManagerBytes memtable budget of the whole DB, charged to the block cache
 *     through a {@code WriteBufferManager} (default 16 MB)
 * @param writeBufferSizeBytes memtable size per column family (default 4 MB)
 * @param maxWriteBufferNumber memtables per column family, active plus immutable (default 2)
 * @param maxBackgroundJobs flush plus compaction threads (default 2)
 * @param maxOpenFiles SST file handles kept open (default 256)
 * @param maxTotalWalSizeBytes RocksDB WAL size that forces a flush of the oldest column family
 *     (default 16 MB)
 * @param bloomBitsPerKey bloom filter bits per key; 0 disables the filter (default 10)
 * @param syncWrites fsync the RocksDB WAL on every apply (default false: the Ratis log is the
 *     durable record; see docs/design/mvcc-encoding.md "Write-ahead logs")
 */
public record RocksStoreConfig(
    Path dir,
    long blockCacheBytes,
    long writeBufferManagerBytes,
    long writeBufferSizeBytes,
    int maxWriteBufferNumber,
    int maxBackgroundJobs,
    int maxOpenFiles,
    long maxTotalWalSizeBytes,
    int bloomBitsPerKey,
    boolean syncWrites) {
  private static final long MB = 1024 * 1024;

  /** Validates the settings. */
  public RocksStoreConfig {
    Objects.requireNonNull(dir, "dir");
    requirePositive(blockCacheBytes, "blockCacheBytes");
    requirePositive(writeBufferManagerBytes, "writeBufferManagerBytes");
    requirePositive(writeBufferSizeBytes, "writeBufferSizeBytes");
    requirePositive(maxWriteBufferNumber, "maxWriteBufferNumber");
    requirePositive(maxBackgroundJobs, "maxBackgroundJobs");
    requirePositive(maxOpenFiles, "maxOpenFiles");
    requirePositive(maxTotalWalSizeBytes, "maxTotalWalSizeBytes");
    if (bloomBitsPerKey < 0) {
      throw new IllegalArgumentException("bloomBitsPerKey must be >= 0: " + bloomBitsPerKey);
    }
  }

  /** Returns the documented defaults for a database in {@code dir}. */
  public static RocksStoreConfig defaults(Path dir) {
    return new RocksStoreConfig(dir, 32 * MB, 16 * MB, 4 * MB, 2, 2, 256, 16 * MB, 10, false);
  }

  /** Returns a copy with another directory. */
  public RocksStoreConfig withDir(Path newDir) {
    return new RocksStoreConfig(
        newDir,
        blockCacheBytes,
        writeBufferManagerBytes,
        writeBufferSizeBytes,
        maxWriteBufferNumber,
        maxBackgroundJobs,
        maxOpenFiles,
        maxTotalWalSizeBytes,
        bloomBitsPerKey,
        syncWrites);
  }

  private static void requirePositive(long value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
  }
}
