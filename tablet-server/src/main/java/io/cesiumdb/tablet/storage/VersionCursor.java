package io.cesiumdb.tablet.storage;

/**
 * A forward cursor over every stored version, tombstones included, of the keys in one range of one
 * keyspace, in store order: by user key (unsigned bytes), then by commit ts <em>descending</em>.
 * Opened by {@link MvccReadView#versions}, positioned at the first version of the range.
 *
 * <p>This is maintenance access (multi-version GC, checks), not a query path: it shows versions
 * that no read at any one timestamp would see together. Used by one thread; close it before the
 * view it came from. While open it holds the view's read gate, so apply on an in-memory store waits
 * for it: close it before applying a batch built from it.
 */
public interface VersionCursor extends AutoCloseable {
  /**
   * Positions at the newest version {@code <= ts} of {@code userKey} if there is one, else at the
   * first version of the next key in the range (or nowhere). Targets before the range's start land
   * on its first version.
   */
  void seek(byte[] userKey, long ts);

  /** Moves to the next version. Requires {@link #isValid()}. */
  void next();

  /** Returns true if positioned at a version. */
  boolean isValid();

  /** Returns the decoded key of the current version (keyspace, user key, ts). */
  MvccKey key();

  /** Returns true if the current version is a tombstone, false if it is a put. */
  boolean isTombstone();

  /** Releases the cursor. Idempotent. */
  @Override
  void close();
}
