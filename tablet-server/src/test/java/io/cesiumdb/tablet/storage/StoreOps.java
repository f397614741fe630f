package io.cesiumdb.tablet.storage;

import static io.cesiumdb.tablet.storage.TestBytes.b;
import static io.cesiumdb.tablet.storage.TestBytes.keys;
import static io.cesiumdb.tablet.storage.TestBytes.value;

import java.util.ArrayList;
import java.util.List;

/** One-line store mutations and reads with string keys and values, for readable tests. */
final class StoreOps {
  private StoreOps() {}

  static void put(MvccStore s, long ks, String key, long ts, String value) {
    try (MvccWriteBatch batch = s.newBatch()) {
      s.apply(batch.put(ks, b(key), ts, b(value)));
    }
  }

  static void tombstone(MvccStore s, long ks, String key, long ts) {
    try (MvccWriteBatch batch = s.newBatch()) {
      s.apply(batch.tombstone(ks, b(key), ts));
    }
  }

  static void deleteRange(MvccStore s, long ks, String start, String end) {
    try (MvccWriteBatch batch = s.newBatch()) {
      s.apply(batch.deleteRange(ks, b(start), end == null ? null : b(end)));
    }
  }

  static void putMeta(MvccStore s, long tabletId, String name, String value) {
    try (MvccWriteBatch batch = s.newBatch()) {
      s.apply(batch.putMeta(tabletId, name, b(value)));
    }
  }

  /** Returns the value visible at {@code ts} as a string, or null. */
  static String read(MvccReadView s, long ks, String key, long ts) {
    return value(s.read(ks, b(key), ts));
  }

  /** Returns the meta entry as a string, or null. */
  static String meta(MvccReadView s, long tabletId, String name) {
    return s.getMeta(tabletId, name).map(TestBytes::s).orElse(null);
  }

  /**
   * Returns every stored version of [start, end) of the keyspace (null = unbounded) as {@code
   * "key@ts"}, or {@code "key@ts del"} for a tombstone, in store order (key, then ts descending).
   */
  static List<String> versions(MvccReadView s, long ks, String start, String end) {
    List<String> out = new ArrayList<>();
    try (VersionCursor c =
        s.versions(ks, start == null ? null : b(start), end == null ? null : b(end))) {
      for (; c.isValid(); c.next()) {
        MvccKey key = c.key();
        out.add(TestBytes.s(key.userKey()) + "@" + key.ts() + (c.isTombstone() ? " del" : ""));
      }
    }
    return out;
  }

  /** Returns the keys of every visible row of the keyspace at {@code ts}. */
  static List<String> scanKeys(MvccReadView s, long ks, long ts) {
    return keys(s.scan(ks, null, null, ts, 1000));
  }
}
