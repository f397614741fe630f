package io.cesiumdb.tablet.storage;

import java.nio.file.Path;

/**
 * The storage engine contract of a tablet server: versioned key-value data for every tablet replica
 * on the node, plus per-tablet metadata. One instance per node is shared by all tablets. Proven by
 * the shared conformance suite {@code AbstractMvccStoreTest}; implemented by {@link RocksMvccStore}
 * (production) and {@link InMemoryMvccStore} (tests of higher layers).
 *
 * <p>Threading: every method is safe to call concurrently. Writes to one tablet come from one
 * thread (its Raft apply thread), writes to different tablets may run in parallel, and readers may
 * run at any time; each {@link #apply} is atomic to every reader.
 *
 * <p>Close snapshots and batches before closing the store; close() releases any left open.
 */
public interface MvccStore extends MvccReadView, AutoCloseable {
  /** Returns an empty batch bound to this store. */
  MvccWriteBatch newBatch();

  /** Atomically applies a batch created by {@link #newBatch()} of this store. */
  void apply(MvccWriteBatch batch);

  /** Returns a consistent point-in-time read view of data and meta. */
  MvccSnapshot snapshot();

  /**
   * Writes every version (tombstones included) of the keys in [startKey, endKey) of {@code
   * keyspace}, plus all meta entries of {@code tabletId}, from one consistent point in time, to
   * files in {@code dir} (created if missing). This is the Raft snapshot of one tablet.
   */
  void exportRange(long keyspace, byte[] startKey, byte[] endKey, long tabletId, Path dir);

  /**
   * Loads a directory written by {@link #exportRange}, replacing everything the exported key range
   * and the tablet's meta held. Meta is written last, so an interrupted import leaves the tablet
   * without meta (no applied index) rather than with meta that claims data it lacks.
   */
  void importRange(Path dir);

  /** Returns the approximate bytes stored for the keys in [start, end) of {@code keyspace}. */
  long approximateSize(long keyspace, byte[] start, byte[] end);

  /** Closes the store and releases its resources. Idempotent. */
  @Override
  void close();
}
