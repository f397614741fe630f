package io.cesiumdb.tablet.txn.locks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The granted locks, found by span. Key locks live in a sorted map by key (lookup of one key is
 * O(log n)); range locks live in a sorted map by start, and a query filters the ranges that start
 * before its end by their ends (O(number of such ranges)). Ranges are few (one per scan), keys
 * many. Not thread-safe: guarded by the table's monitor.
 *
 * <p>Rejected for now: an interval tree for ranges. Correct and simple first; revisit if scans with
 * many concurrent range locks on one tablet show up in profiles.
 */
final class SpanIndex {
  private final NavigableMap<byte[], List<HeldLock>> keys = new TreeMap<>(Arrays::compareUnsigned);
  private final NavigableMap<byte[], List<HeldLock>> ranges =
      new TreeMap<>(Arrays::compareUnsigned);

  void add(HeldLock lock) {
    mapFor(lock.span).computeIfAbsent(lock.span.startRef(), k -> new ArrayList<>(2)).add(lock);
  }

  void remove(HeldLock lock) {
    NavigableMap<byte[], List<HeldLock>> map = mapFor(lock.span);
    List<HeldLock> bucket = map.get(lock.span.startRef());
    if (bucket != null && bucket.remove(lock) && bucket.isEmpty()) {
      map.remove(lock.span.startRef());
    }
  }

  /** Every granted lock whose span overlaps {@code span}. */
  List<HeldLock> overlapping(LockSpan span) {
    List<HeldLock> out = new ArrayList<>();
    addAll(out, keysIn(span).values());
    for (List<HeldLock> bucket : rangesStartingBeforeEndOf(span).values()) {
      for (HeldLock lock : bucket) {
        if (lock.span.overlaps(span)) {
          out.add(lock);
        }
      }
    }
    return out;
  }

  void clear() {
    keys.clear();
    ranges.clear();
  }

  private NavigableMap<byte[], List<HeldLock>> keysIn(LockSpan span) {
    if (span.isUnbounded()) {
      return keys.tailMap(span.startRef(), true);
    }
    return keys.subMap(span.startRef(), true, span.endRef(), false);
  }

  private NavigableMap<byte[], List<HeldLock>> rangesStartingBeforeEndOf(LockSpan span) {
    return span.isUnbounded() ? ranges : ranges.headMap(span.endRef(), false);
  }

  private NavigableMap<byte[], List<HeldLock>> mapFor(LockSpan span) {
    return span.isKey() ? keys : ranges;
  }

  private static void addAll(List<HeldLock> out, Collection<List<HeldLock>> buckets) {
    for (List<HeldLock> bucket : buckets) {
      out.addAll(bucket);
    }
  }
}
