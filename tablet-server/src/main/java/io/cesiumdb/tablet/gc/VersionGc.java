package io.cesiumdb.tablet.gc;

import io.cesiumdb.tablet.storage.MvccKey;
import io.cesiumdb.tablet.storage.MvccReadView;
import io.cesiumdb.tablet.storage.MvccWriteBatch;
import io.cesiumdb.tablet.storage.VersionCursor;
import java.util.Arrays;

/**
 * Chooses the versions that multi-version GC removes at a horizon {@code h}
 * (docs/design/transactions.md §6) and adds their removal to a batch; the caller applies it.
 *
 * <p>Per key: the newest version with ts {@code <= h} is the one every read at {@code ts >= h}
 * sees, so everything older than it is removed. If that version is a tombstone it is removed too:
 * nothing older survives, so it hides nothing, and reads at {@code ts >= h} find no version and
 * answer "absent" as before. Versions above {@code h} are never touched.
 *
 * <p>Deterministic: the choice depends only on the view's contents, {@code h}, the range and the
 * bound, so replicas that run it at the same log position remove the same versions.
 *
 * <p>Bounded: at most {@code maxVersions} removals per call. Any prefix of the removals, applied
 * batch after batch, leaves reads at {@code ts >= h} unchanged, because a tombstone is removed only
 * in the same call as every version below it (were the tombstone removed first, an older put would
 * reappear). Resuming requires the previous batch to be applied: against a view without it, the
 * same removals would be chosen again.
 */
public final class VersionGc {
  private static final byte[] EMPTY = new byte[0];

  private VersionGc() {}

  /**
   * Adds to {@code batch} the removal of the versions of the keys in [start, end) of {@code
   * keyspace} that GC at {@code horizonTs} drops, at most {@code maxVersions} of them, and says
   * where to resume. A null or empty {@code start} is the keyspace's start; a null or empty {@code
   * end} is its end (as in a tablet descriptor; an empty end is never an empty range here).
   *
   * <p>NB: seven parameters, past the house guideline of five, because this is the signature the
   * GcBelow apply handler calls with its tablet's range; a caller-side options record would only
   * move them.
   */
  public static GcResult collect(
      MvccReadView view,
      long keyspace,
      byte[] start,
      byte[] end,
      long horizonTs,
      MvccWriteBatch batch,
      int maxVersions) {
    if (horizonTs < 0 || maxVersions < 1) {
      throw new IllegalArgumentException(
          "need horizonTs >= 0 and maxVersions >= 1: " + horizonTs + ", " + maxVersions);
    }
    byte[] from = start == null ? EMPTY : start;
    byte[] to = end == null || end.length == 0 ? null : end;
    if (to != null && Arrays.compareUnsigned(from, to) >= 0) {
      return new GcResult(0, null);
    }
    try (VersionCursor cursor = view.versions(keyspace, from, to)) {
      return new Pass(cursor, keyspace, horizonTs, batch, maxVersions).run(from);
    }
  }

  /** One call's walk over the range: the cursor, the budget and what was added so far. */
  private static final class Pass {
    private final VersionCursor cursor;
    private final long keyspace;
    private final long horizonTs;
    private final MvccWriteBatch batch;
    private final int maxVersions;
    private long removed;

    Pass(VersionCursor cursor, long keyspace, long horizonTs, MvccWriteBatch batch, int max) {
      this.cursor = cursor;
      this.keyspace = keyspace;
      this.horizonTs = horizonTs;
      this.batch = batch;
      this.maxVersions = max;
    }

    /** Walks from {@code from}; every step either seeks below the horizon or collects one key. */
    GcResult run(byte[] from) {
      cursor.seek(from, horizonTs);
      while (cursor.isValid()) {
        MvccKey newest = cursor.key();
        if (newest.ts() > horizonTs) {
          cursor.seek(newest.userKey(), horizonTs);
          continue;
        }
        if (!collectKey(newest)) {
          return new GcResult(removed, newest.userKey());
        }
      }
      return new GcResult(removed, null);
    }

    /**
     * Removes the versions below {@code kept} (the newest {@code <= h} of its key, at the cursor),
     * then {@code kept} itself if it is a tombstone. Leaves the cursor at the next key's first
     * version and returns true, or returns false when the budget ran out before the key was done.
     */
    private boolean collectKey(MvccKey kept) {
      boolean tombstone = cursor.isTombstone();
      byte[] userKey = kept.userKey();
      cursor.next();
      for (; cursor.isValid(); cursor.next()) {
        MvccKey older = cursor.key();
        if (!Arrays.equals(older.userKey(), userKey)) {
          break;
        }
        if (!remove(userKey, older.ts())) {
          return false;
        }
      }
      return !tombstone || remove(userKey, kept.ts());
    }

    private boolean remove(byte[] userKey, long ts) {
      if (removed == maxVersions) {
        return false;
      }
      batch.deleteVersion(keyspace, userKey, ts);
      removed++;
      return true;
    }
  }
}
