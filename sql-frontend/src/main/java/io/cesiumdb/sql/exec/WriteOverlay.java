package io.cesiumdb.sql.exec;

import com.google.protobuf.ByteString;
import io.cesiumdb.sql.codec.KeyRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A transaction's buffered writes, per keyspace in key order, laid over committed data to give
 * read-your-writes: {@link #merge} combines a committed scan with the buffer. A deleted key is held
 * as {@code Optional.empty()}. Not thread-safe.
 */
final class WriteOverlay {
  static final Comparator<ByteString> ORDER = ByteString.unsignedLexicographicalComparator();

  private final Map<Long, NavigableMap<ByteString, Optional<ByteString>>> writes = new HashMap<>();

  void put(long keyspace, ByteString key, ByteString value) {
    keyspace(keyspace).put(key, Optional.of(value));
  }

  void delete(long keyspace, ByteString key) {
    keyspace(keyspace).put(key, Optional.empty());
  }

  /** The buffered write of {@code key}: null if none, empty if deleted. */
  Optional<ByteString> lookup(long keyspace, ByteString key) {
    NavigableMap<ByteString, Optional<ByteString>> ks = writes.get(keyspace);
    return ks == null ? null : ks.get(key);
  }

  boolean isEmpty() {
    return writes.values().stream().allMatch(Map::isEmpty);
  }

  /** Every buffered write: keyspace to key to value (empty = delete). */
  Map<Long, NavigableMap<ByteString, Optional<ByteString>>> all() {
    return writes;
  }

  /**
   * {@code base} (committed entries of {@code range}, in key order) with the buffered writes of
   * that range applied, at most {@code limit} entries (0 = all).
   */
  List<KvEntry> merge(long keyspace, KeyRange range, List<KvEntry> base, int limit) {
    Iterator<Map.Entry<ByteString, Optional<ByteString>>> mine =
        inRange(keyspace, range).entrySet().iterator();
    List<KvEntry> out = new ArrayList<>();
    Map.Entry<ByteString, Optional<ByteString>> m = mine.hasNext() ? mine.next() : null;
    int i = 0;
    while ((m != null || i < base.size()) && (limit == 0 || out.size() < limit)) {
      int cmp =
          m == null ? -1 : i >= base.size() ? 1 : ORDER.compare(base.get(i).key(), m.getKey());
      if (cmp < 0) {
        out.add(base.get(i++));
        continue;
      }
      if (cmp == 0) {
        i++;
      }
      if (m.getValue().isPresent()) {
        out.add(new KvEntry(m.getKey(), m.getValue().get()));
      }
      m = mine.hasNext() ? mine.next() : null;
    }
    return out;
  }

  private NavigableMap<ByteString, Optional<ByteString>> inRange(long keyspace, KeyRange range) {
    NavigableMap<ByteString, Optional<ByteString>> ks = writes.get(keyspace);
    if (ks == null || range.isEmpty()) {
      return new TreeMap<>(ORDER);
    }
    return range.end().isEmpty()
        ? ks.tailMap(range.start(), true)
        : ks.subMap(range.start(), true, range.end(), false);
  }

  private NavigableMap<ByteString, Optional<ByteString>> keyspace(long keyspace) {
    return writes.computeIfAbsent(keyspace, k -> new TreeMap<>(ORDER));
  }
}
