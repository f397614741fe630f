package io.cesiumdb.pd.meta;

import com.google.protobuf.ByteString;
import io.cesiumdb.proto.placement.TabletEntry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * For each keyspace (table id) the tablets ordered by start key, compared as unsigned bytes; each
 * keyspace's tablets cover the whole key space with no gap or overlap (the first starts at the
 * empty key, each ends where the next starts, the last ends unbounded). Tablet ids come from {@link
 * #nextTabletId} (from 1, never reused). Mutated only by handlers, which keep the cover.
 */
final class TabletDirectory {
  private final Map<Long, TabletEntry> byId = new TreeMap<>();

  /** keyspace → start key → tablet id. */
  private final Map<Long, NavigableMap<ByteString, Long>> byKeyspace = new TreeMap<>();

  private long nextTabletId = 1;

  Optional<TabletEntry> tablet(long tabletId) {
    return Optional.ofNullable(byId.get(tabletId));
  }

  /** All tablets, by id. */
  Collection<TabletEntry> all() {
    return Collections.unmodifiableCollection(byId.values());
  }

  /** The tablets of one keyspace in key order; empty if it has none. */
  List<TabletEntry> tablets(long keyspace) {
    List<TabletEntry> out = new ArrayList<>();
    NavigableMap<ByteString, Long> starts = byKeyspace.get(keyspace);
    if (starts != null) {
      starts.values().forEach(id -> out.add(byId.get(id)));
    }
    return out;
  }

  /** The tablet of {@code keyspace} whose range holds {@code key}: a floor search on starts. */
  Optional<TabletEntry> tabletFor(long keyspace, ByteString key) {
    NavigableMap<ByteString, Long> starts = byKeyspace.get(keyspace);
    Map.Entry<ByteString, Long> floor = starts == null ? null : starts.floorEntry(key);
    if (floor == null) {
      return Optional.empty();
    }
    TabletEntry tablet = byId.get(floor.getValue());
    return Keys.contains(tablet, key) ? Optional.of(tablet) : Optional.empty();
  }

  long nextTabletId() {
    return nextTabletId;
  }

  /** Returns {@link #nextTabletId} and advances it. */
  long allocateTabletId() {
    return nextTabletId++;
  }

  /** Marks {@code tabletId} used: the counter moves past it. */
  void reserve(long tabletId) {
    nextTabletId = Math.max(nextTabletId, tabletId + 1);
  }

  /** Adds a tablet or replaces the one with the same id (its start key may change). */
  void put(TabletEntry tablet) {
    TabletEntry old = byId.put(tablet.getTabletId(), tablet);
    NavigableMap<ByteString, Long> starts =
        byKeyspace.computeIfAbsent(tablet.getKeyspace(), k -> new TreeMap<>(Keys.ORDER));
    if (old != null) {
      starts.remove(old.getStartKey(), old.getTabletId());
    }
    starts.put(tablet.getStartKey(), tablet.getTabletId());
  }

  /** Removes every tablet of {@code keyspace} and returns them in key order. */
  List<TabletEntry> removeKeyspace(long keyspace) {
    List<TabletEntry> removed = tablets(keyspace);
    removed.forEach(t -> byId.remove(t.getTabletId()));
    byKeyspace.remove(keyspace);
    return removed;
  }

  void restoreCounter(long nextTabletId) {
    this.nextTabletId = nextTabletId;
  }
}
