package io.cesiumdb.txn.routing;

import com.google.protobuf.ByteString;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The client's copy of the tablet directory: per keyspace (table id) an ordered map {@code
 * start_key → TabletDescriptor}, in the store's unsigned byte order. Filled from the placement
 * driver and from the {@code current} descriptor that {@code TABLET_MOVED} errors carry; it is a
 * cache of hints, so any entry may be stale and the tablet's answer is the judge.
 *
 * <p>Invariant: the cached ranges of one keyspace never overlap. {@link #insert} removes every
 * entry that overlaps the new descriptor (newer knowledge wins) unless the cache already holds the
 * same tablet id with a higher epoch, in which case the insert is refused (a late answer must not
 * undo a split the cache has already seen). Gaps are fine: a lookup in a gap misses and the caller
 * asks the placement driver.
 *
 * <p>Thread-safe: lookups read a {@link ConcurrentSkipListMap} without locks; inserts and
 * invalidations of one keyspace are serialized on its map.
 */
public final class TabletDirectoryCache {
  private final Map<Long, NavigableMap<ByteString, TabletDescriptor>> keyspaces =
      new ConcurrentHashMap<>();

  /** The cached tablet whose range holds {@code key}, if any. */
  public Optional<TabletDescriptor> find(long keyspace, ByteString key) {
    NavigableMap<ByteString, TabletDescriptor> m = keyspaces.get(keyspace);
    Map.Entry<ByteString, TabletDescriptor> e = m == null ? null : m.floorEntry(key);
    return e != null && KeyRanges.contains(e.getValue(), key)
        ? Optional.of(e.getValue())
        : Optional.empty();
  }

  /**
   * Caches {@code d}, dropping the entries its range overlaps and any older entry of its tablet id.
   *
   * @return false if refused: the cache holds the same tablet id with a higher epoch
   */
  public boolean insert(TabletDescriptor d) {
    NavigableMap<ByteString, TabletDescriptor> m = map(d.getKeyspace());
    synchronized (m) {
      for (TabletDescriptor old : m.values()) {
        if (old.getTabletId() == d.getTabletId() && old.getEpoch() > d.getEpoch()) {
          return false;
        }
      }
      m.values().removeIf(old -> old.getTabletId() == d.getTabletId() || KeyRanges.overlap(old, d));
      m.put(d.getStartKey(), d);
      return true;
    }
  }

  /** Forgets the cached tablet that holds {@code key}, if any. */
  public void invalidate(long keyspace, ByteString key) {
    NavigableMap<ByteString, TabletDescriptor> m = keyspaces.get(keyspace);
    if (m == null) {
      return;
    }
    synchronized (m) {
      Map.Entry<ByteString, TabletDescriptor> e = m.floorEntry(key);
      if (e != null && KeyRanges.contains(e.getValue(), key)) {
        m.remove(e.getKey());
      }
    }
  }

  /** Forgets {@code d}'s entry if the cache still holds exactly that descriptor. */
  public void invalidate(TabletDescriptor d) {
    NavigableMap<ByteString, TabletDescriptor> m = keyspaces.get(d.getKeyspace());
    if (m != null) {
      m.remove(d.getStartKey(), d);
    }
  }

  /** The cached tablets of {@code keyspace}, in key order (a snapshot). */
  public List<TabletDescriptor> tablets(long keyspace) {
    NavigableMap<ByteString, TabletDescriptor> m = keyspaces.get(keyspace);
    return m == null ? List.of() : new ArrayList<>(m.values());
  }

  /** The number of cached tablets over every keyspace. */
  public int size() {
    return keyspaces.values().stream().mapToInt(Map::size).sum();
  }

  /** Forgets everything. */
  public void clear() {
    keyspaces.clear();
  }

  private NavigableMap<ByteString, TabletDescriptor> map(long keyspace) {
    return keyspaces.computeIfAbsent(keyspace, k -> new ConcurrentSkipListMap<>(KeyRanges.ORDER));
  }
}
