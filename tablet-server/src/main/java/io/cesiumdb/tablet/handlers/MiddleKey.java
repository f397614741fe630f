package io.cesiumdb.tablet.handlers;

import com.google.protobuf.ByteString;
import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import io.cesiumdb.tablet.replication.TabletRange;
import io.cesiumdb.tablet.storage.MvccReadView;
import io.cesiumdb.tablet.storage.ScanResult;
import io.cesiumdb.tablet.storage.VersionedValue;

/**
 * Picks a split key near the middle of a tablet's live rows: one pass counts the keys visible at
 * {@code ts}, a second stops at the middle one. Two scans of the tablet (64 MiB by default) at the
 * leader, off the apply path; the split itself does not copy data.
 */
final class MiddleKey {
  private static final int PAGE = 4_096;

  private MiddleKey() {}

  static ByteString of(MvccReadView store, TabletDescriptor d, long ts) {
    long count = walk(store, d, ts, Long.MAX_VALUE).count;
    if (count < 2) {
      throw new CesiumException(
          ErrorCode.INVALID_ARGUMENT,
          "tablet " + Long.toUnsignedString(d.getTabletId()) + " has too few rows to split");
    }
    return ByteString.copyFrom(walk(store, d, ts, count / 2).key);
  }

  /** Walks the live keys in order and stops at the one with index {@code stopAt}. */
  private static Position walk(MvccReadView store, TabletDescriptor d, long ts, long stopAt) {
    byte[] start = TabletRange.start(d);
    byte[] end = TabletRange.end(d);
    long seen = 0;
    while (true) {
      ScanResult page = store.scan(d.getKeyspace(), start, end, ts, PAGE);
      for (VersionedValue row : page.rows()) {
        if (seen == stopAt) {
          return new Position(seen, row.key());
        }
        seen++;
      }
      if (page.resumeKey() == null) {
        return new Position(seen, null);
      }
      start = page.resumeKey();
    }
  }

  private record Position(long count, byte[] key) {}
}
