package io.cesiumdb.tablet.storage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The obviously-correct reference an {@link MvccStore} is checked against in randomized tests: a
 * sorted map of (keyspace, user key) to that key's versions. Keyspaces compare as signed longs and
 * user keys as unsigned bytes, which is the order the encoding promises. A null value is a
 * tombstone. Public so tests of layers above storage (multi-version GC) can use it too.
 */
public final class MvccModel {
  /** A user key in a keyspace. */
  public record Key(long keyspace, byte[] key) {}

  private static final Comparator<Key> ORDER =
      Comparator.comparingLong(Key::keyspace)
          .thenComparing(Key::key, (a, b) -> Arrays.compareUnsigned(a, b));

  private final TreeMap<Key, TreeMap<Long, byte[]>> rows = new TreeMap<>(ORDER);

  public void put(long keyspace, byte[] key, long ts, byte[] value) {
    versions(keyspace, key).put(ts, value.clone());
  }

  public void tombstone(long keyspace, byte[] key, long ts) {
    versions(keyspace, key).put(ts, null);
  }

  /** Drops every version of the keys in [start, end) of {@code keyspace}; null end = to the end. */
  public void deleteRange(long keyspace, byte[] start, byte[] end) {
    rows.keySet().removeIf(k -> k.keyspace() == keyspace && inRange(k.key(), start, end));
  }

  public Optional<VersionedValue> read(long keyspace, byte[] key, long ts) {
    TreeMap<Long, byte[]> versions = rows.get(new Key(keyspace, key));
    return versions == null ? Optional.empty() : visible(key, versions, ts);
  }

  /** Returns every visible row of [start, end) at {@code ts}, in key order. */
  public List<VersionedValue> scan(long keyspace, byte[] start, byte[] end, long ts) {
    List<VersionedValue> out = new ArrayList<>();
    for (Map.Entry<Key, TreeMap<Long, byte[]>> row : rows.entrySet()) {
      Key k = row.getKey();
      if (k.keyspace() == keyspace && inRange(k.key(), start, end)) {
        visible(k.key(), row.getValue(), ts).ifPresent(out::add);
      }
    }
    return out;
  }

  /** Returns every (keyspace, key) ever written and not range-deleted. */
  public List<Key> keys() {
    return new ArrayList<>(rows.keySet());
  }

  /** Returns a copy of every version of {@code key}, ts ascending; a null value is a tombstone. */
  public NavigableMap<Long, byte[]> history(long keyspace, byte[] key) {
    TreeMap<Long, byte[]> versions = rows.get(new Key(keyspace, key));
    return versions == null ? new TreeMap<>() : new TreeMap<>(versions);
  }

  private TreeMap<Long, byte[]> versions(long keyspace, byte[] key) {
    return rows.computeIfAbsent(new Key(keyspace, key.clone()), k -> new TreeMap<>());
  }

  private static Optional<VersionedValue> visible(
      byte[] key, TreeMap<Long, byte[]> versions, long ts) {
    Map.Entry<Long, byte[]> newest = versions.floorEntry(ts);
    if (newest == null || newest.getValue() == null) {
      return Optional.empty();
    }
    return Optional.of(new VersionedValue(key, newest.getKey(), newest.getValue()));
  }

  private static boolean inRange(byte[] key, byte[] start, byte[] end) {
    boolean afterStart = start == null || Arrays.compareUnsigned(key, start) >= 0;
    return afterStart && (end == null || Arrays.compareUnsigned(key, end) < 0);
  }
}
