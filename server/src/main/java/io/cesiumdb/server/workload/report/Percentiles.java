package io.cesiumdb.server.workload.report;

import java.util.Arrays;
import java.util.Locale;

/**
 * Latency percentiles of a set of ops, nearest-rank, in nanoseconds.
 *
 * @param count how many latencies
 * @param p50 median
 * @param p95 95th percentile
 * @param p99 99th percentile
 * @param max largest
 */
public record Percentiles(long count, long p50, long p95, long p99, long max) {

  /** No latencies at all. */
  public static final Percentiles EMPTY = new Percentiles(0, 0, 0, 0, 0);

  /** The percentiles of {@code latencies} (not modified). */
  public static Percentiles of(long[] latencies) {
    if (latencies.length == 0) {
      return EMPTY;
    }
    long[] sorted = latencies.clone();
    Arrays.sort(sorted);
    return new Percentiles(
        sorted.length,
        rank(sorted, 0.50),
        rank(sorted, 0.95),
        rank(sorted, 0.99),
        sorted[sorted.length - 1]);
  }

  /** Nearest rank: the smallest value with at least {@code q} of the values at or below it. */
  static long rank(long[] sorted, double q) {
    int index = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  /** {@code p50 1.2 ms, p95 ..., p99 ..., max ...}. */
  public String describe() {
    return String.format(
        Locale.ROOT,
        "p50 %s, p95 %s, p99 %s, max %s",
        millis(p50),
        millis(p95),
        millis(p99),
        millis(max));
  }

  static String millis(long nanos) {
    return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
  }
}
