package io.cesiumdb.tests.bench;

import java.util.List;
import java.util.Locale;

/** One measured configuration: throughput and latency percentiles. */
record Result(String name, int ops, double seconds, long p50Micros, long p99Micros) {

  double opsPerSecond() {
    return ops / seconds;
  }

  static Result of(String name, Latencies l, double seconds) {
    return new Result(name, l.count(), seconds, l.percentile(50), l.percentile(99));
  }

  /** The run with the median throughput of several runs of one configuration. */
  static Result median(List<Result> runs) {
    List<Result> sorted =
        runs.stream().sorted((a, b) -> Double.compare(a.opsPerSecond(), b.opsPerSecond())).toList();
    return sorted.get(sorted.size() / 2);
  }

  String row() {
    return String.format(
        Locale.ROOT,
        "| %s | %.3f | %.3f | %.0f |",
        name,
        p50Micros / 1000.0,
        p99Micros / 1000.0,
        opsPerSecond());
  }
}
