package io.cesiumdb.sql.exec;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The key predicate a table scan runs: a union of {@link KeyInterval}s (a single interval without
 * bounds is the full table). The planner derives it from a filter on a primary-key prefix; the
 * executor turns it into point gets and range scans ({@link KeySpans}). Immutable.
 */
public record KeyScan(List<KeyInterval> intervals) {
  private static final KeyScan FULL = new KeyScan(List.of(new KeyInterval(List.of(), null, null)));

  public KeyScan {
    intervals = List.copyOf(intervals);
  }

  public static KeyScan full() {
    return FULL;
  }

  public boolean isFull() {
    return equals(FULL);
  }

  /** True when every interval is a point: the scan never reads a range. */
  public boolean isPointLookup(int keyColumns) {
    return intervals.stream().allMatch(i -> i.isPoint(keyColumns));
  }

  /** For EXPLAIN: {@code point=[ID = ?0]}, {@code range=[K1 = 5, K2 > 3]}, {@code full}. */
  public String describe(List<String> keyNames) {
    if (isFull()) {
      return "full";
    }
    String kind = isPointLookup(keyNames.size()) ? "point" : "range";
    return intervals.stream()
        .map(i -> kind + "=[" + i.describe(keyNames) + "]")
        .collect(Collectors.joining(" OR "));
  }
}
