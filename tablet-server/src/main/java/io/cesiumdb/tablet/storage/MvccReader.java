package io.cesiumdb.tablet.storage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The MVCC read logic (visibility, tombstones, version skipping, paging), written once over a
 * {@link RawView} so both engines share it. Stateless apart from the view; thread-safe if the view
 * is.
 */
final class MvccReader implements MvccReadView {
  private final RawView view;

  MvccReader(RawView view) {
    this.view = view;
  }

  @Override
  public Optional<VersionedValue> read(long keyspace, byte[] key, long ts) {
    byte[] prefix = KeyCodec.keyPrefix(keyspace, key);
    try (RawCursor cursor = view.dataCursor(prefix, OrderedBytes.prefixEnd(prefix))) {
      cursor.seek(KeyCodec.withTs(prefix, ts));
      if (!cursor.isValid()) {
        return Optional.empty();
      }
      byte[] stored = cursor.value();
      if (ValueCodec.isTombstone(stored)) {
        return Optional.empty();
      }
      long versionTs = KeyCodec.decodeTs(cursor.key());
      return Optional.of(new VersionedValue(key, versionTs, ValueCodec.payload(stored)));
    }
  }

  @Override
  public ScanResult scan(long keyspace, byte[] startKey, byte[] endKey, long ts, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1: " + limit);
    }
    KeyCodec.checkTs(ts);
    byte[] lower = KeyCodec.rangeStart(keyspace, startKey);
    byte[] upper = KeyCodec.rangeEnd(keyspace, endKey);
    List<VersionedValue> rows = new ArrayList<>();
    if (Arrays.compareUnsigned(lower, upper) >= 0) {
      return new ScanResult(rows, null);
    }
    try (RawCursor cursor = view.dataCursor(lower, upper)) {
      cursor.seek(KeyCodec.withTs(lower, ts));
      VersionedValue row;
      while ((row = nextVisible(cursor, keyspace, ts)) != null) {
        if (rows.size() == limit) {
          return new ScanResult(rows, row.key());
        }
        rows.add(row);
      }
    }
    return new ScanResult(rows, null);
  }

  /**
   * Returns the next visible row at or after the cursor and leaves the cursor past all versions of
   * its key, or returns null when the cursor is exhausted. Every step is a seek: to the newest
   * version {@code <= ts} of the current key, or past all versions of a key already decided.
   */
  private static VersionedValue nextVisible(RawCursor cursor, long keyspace, long ts) {
    while (cursor.isValid()) {
      byte[] rawKey = cursor.key();
      MvccKey key = KeyCodec.decode(rawKey);
      if (key.ts() > ts) {
        cursor.seek(KeyCodec.encode(keyspace, key.userKey(), ts));
        continue;
      }
      byte[] stored = cursor.value();
      cursor.seek(KeyCodec.afterAllVersions(rawKey));
      if (!ValueCodec.isTombstone(stored)) {
        return new VersionedValue(key.userKey(), key.ts(), ValueCodec.payload(stored));
      }
    }
    return null;
  }

  @Override
  public VersionCursor versions(long keyspace, byte[] startKey, byte[] endKey) {
    byte[] lower = KeyCodec.rangeStart(keyspace, startKey);
    byte[] upper = KeyCodec.rangeEnd(keyspace, endKey);
    if (Arrays.compareUnsigned(lower, upper) > 0) {
      upper = lower;
    }
    return new RawVersionCursor(view.dataCursor(lower, upper), keyspace, lower);
  }

  @Override
  public Optional<byte[]> getMeta(long tabletId, String name) {
    return Optional.ofNullable(view.getMeta(MetaKeyCodec.encode(tabletId, name)));
  }
}
