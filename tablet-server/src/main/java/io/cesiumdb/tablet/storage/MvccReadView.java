package io.cesiumdb.tablet.storage;

import java.util.Optional;

/**
 * Reads of versioned data and tablet metadata, common to a live {@link MvccStore} and a
 * point-in-time {@link MvccSnapshot}.
 *
 * <p>Key ranges are half-open, [startKey, endKey); a null startKey is the start of the keyspace and
 * a null endKey its end; a range with startKey &gt;= endKey is empty. Timestamps are non-negative
 * microseconds. Returned arrays are copies the caller owns. Implementations are thread-safe.
 */
public interface MvccReadView {
  /**
   * Returns the newest version of {@code key} with commit ts {@code <= ts}, or empty if there is
   * none or that version is a tombstone.
   */
  Optional<VersionedValue> read(long keyspace, byte[] key, long ts);

  /**
   * Returns the visible rows (newest version {@code <= ts} per key, tombstoned keys skipped) of the
   * keys in [startKey, endKey) in key order, at most {@code limit} (&gt;= 1) of them, and where to
   * resume. Older versions are skipped by seeking, not by iterating over them.
   */
  ScanResult scan(long keyspace, byte[] startKey, byte[] endKey, long ts, int limit);

  /**
   * Opens a cursor over every stored version, tombstones included, of the keys in [startKey,
   * endKey) of {@code keyspace} (null bounds as for {@link #scan}), positioned at the first one.
   * Maintenance access for multi-version GC and checks, not for queries. The caller closes it.
   */
  VersionCursor versions(long keyspace, byte[] startKey, byte[] endKey);

  /** Returns the meta entry {@code name} of tablet {@code tabletId}, if present. */
  Optional<byte[]> getMeta(long tabletId, String name);
}
