package io.cesiumdb.tests.bench;

import java.util.Arrays;

/** Collected latencies (µs) of one benchmark run, and their percentiles. */
final class Latencies {
  private long[] micros = new long[1024];
  private int n;

  synchronized void add(long us) {
    if (n == micros.length) {
      micros = Arrays.copyOf(micros, n * 2);
    }
    micros[n++] = us;
  }

  synchronized void addAll(Latencies other) {
    for (int i = 0; i < other.n; i++) {
      add(other.micros[i]);
    }
  }

  synchronized int count() {
    return n;
  }

  /** The p-th percentile (0..100) in microseconds; 0 when empty. */
  synchronized long percentile(double p) {
    if (n == 0) {
      return 0;
    }
    long[] sorted = Arrays.copyOf(micros, n);
    Arrays.sort(sorted);
    int i = (int) Math.ceil(p / 100.0 * n) - 1;
    return sorted[Math.max(0, Math.min(n - 1, i))];
  }
}
