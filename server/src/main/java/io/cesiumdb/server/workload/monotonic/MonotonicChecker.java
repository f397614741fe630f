package io.cesiumdb.server.workload.monotonic;

import io.cesiumdb.server.workload.Anomaly;
import io.cesiumdb.server.workload.history.Op;
import io.cesiumdb.server.workload.history.OpPair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Judges a monotonic history in O(n log n + reads × keys).
 *
 * <ul>
 *   <li><b>nonmonotonic</b>: reads sorted by invocation are swept against reads sorted by
 *       completion, keeping per key the largest value seen by any read that completed before the
 *       current read began; a smaller value now means the counter went backwards in real time.
 *   <li><b>value-too-high</b>: a value above the increments of its key invoked before the read
 *       completed and not failed (acknowledged + in flight + unknown).
 *   <li><b>lost-increment</b>: a value below the increments of its key acknowledged before the read
 *       began (the final read, after every increment, must see them all).
 *   <li><b>wrong-keys</b>: a read that does not see exactly the keys 0..n-1.
 * </ul>
 */
public final class MonotonicChecker {
  private MonotonicChecker() {}

  /** The anomalies of {@code ops} for counters 0..keys-1; empty when valid. */
  public static List<Anomaly> check(List<Op> ops, int keys) {
    List<OpPair> pairs = OpPair.pairs(ops);
    List<OpPair> reads = OpPair.withF(pairs, "read").stream().filter(OpPair::ok).toList();
    Bounds bounds = Bounds.of(OpPair.withF(pairs, "increment"), keys);
    List<Anomaly> out = new ArrayList<>();
    for (OpPair r : reads) {
      checkRead(r, values(r, keys), keys, bounds, out);
    }
    nonmonotonic(reads, keys, out);
    return out;
  }

  private static void checkRead(OpPair r, long[] v, int keys, Bounds bounds, List<Anomaly> out) {
    if (((Map<?, ?>) r.result()).size() != keys) {
      out.add(new Anomaly("wrong-keys", at(r) + " saw keys " + ((Map<?, ?>) r.result()).keySet()));
    }
    for (int k = 0; k < keys; k++) {
      long high = bounds.invokedBefore(k, r.completeNanos());
      long low = bounds.ackedBefore(k, r.invokeNanos());
      if (v[k] > high) {
        out.add(
            new Anomaly(
                "value-too-high",
                at(r)
                    + " saw key "
                    + k
                    + " = "
                    + v[k]
                    + " but only "
                    + high
                    + " increments were acknowledged or in flight"));
      } else if (v[k] < low) {
        out.add(
            new Anomaly(
                "lost-increment",
                at(r)
                    + " saw key "
                    + k
                    + " = "
                    + v[k]
                    + " but "
                    + low
                    + " increments were acknowledged before it began"));
      }
    }
  }

  private static void nonmonotonic(List<OpPair> reads, int keys, List<Anomaly> out) {
    List<OpPair> byInvoke =
        reads.stream().sorted(Comparator.comparingLong(OpPair::invokeNanos)).toList();
    List<OpPair> byComplete =
        reads.stream().sorted(Comparator.comparingLong(OpPair::completeNanos)).toList();
    long[] max = new long[keys];
    OpPair[] holder = new OpPair[keys];
    int j = 0;
    for (OpPair r : byInvoke) {
      for (; j < byComplete.size() && byComplete.get(j).completeNanos() < r.invokeNanos(); j++) {
        long[] v = values(byComplete.get(j), keys);
        for (int k = 0; k < keys; k++) {
          if (holder[k] == null || v[k] > max[k]) {
            max[k] = v[k];
            holder[k] = byComplete.get(j);
          }
        }
      }
      long[] v = values(r, keys);
      for (int k = 0; k < keys; k++) {
        if (holder[k] != null && v[k] < max[k]) {
          out.add(
              new Anomaly(
                  "nonmonotonic",
                  at(r)
                      + " saw key "
                      + k
                      + " = "
                      + v[k]
                      + " after "
                      + at(holder[k])
                      + " saw "
                      + max[k]));
          break;
        }
      }
    }
  }

  /** The read's value per key 0..keys-1 (0 when missing; keys out of range ignored). */
  private static long[] values(OpPair read, int keys) {
    long[] v = new long[keys];
    ((Map<?, ?>) read.result())
        .forEach(
            (k, val) -> {
              long key = (Long) k;
              if (key >= 0 && key < keys) {
                v[(int) key] = (Long) val;
              }
            });
    return v;
  }

  private static String at(OpPair read) {
    return String.format(
        Locale.ROOT,
        "read by process %d [%.6f s, %.6f s]",
        read.invoke().process(),
        read.invokeNanos() / 1e9,
        read.completeNanos() / 1e9);
  }

  /** Per key: sorted invoke times of increments that did not fail, sorted ok times. */
  private record Bounds(long[][] invoked, long[][] acked) {
    static Bounds of(List<OpPair> increments, int keys) {
      List<List<Long>> inv = new ArrayList<>();
      List<List<Long>> ack = new ArrayList<>();
      for (int k = 0; k < keys; k++) {
        inv.add(new ArrayList<>());
        ack.add(new ArrayList<>());
      }
      for (OpPair p : increments) {
        int k = (int) (long) (Long) p.invoke().value();
        if (k < 0 || k >= keys || p.outcome() == Op.Type.FAIL) {
          continue;
        }
        inv.get(k).add(p.invokeNanos());
        if (p.ok()) {
          ack.get(k).add(p.completeNanos());
        }
      }
      return new Bounds(sorted(inv), sorted(ack));
    }

    private static long[][] sorted(List<List<Long>> lists) {
      long[][] out = new long[lists.size()][];
      for (int k = 0; k < out.length; k++) {
        out[k] = lists.get(k).stream().mapToLong(Long::longValue).sorted().toArray();
      }
      return out;
    }

    long invokedBefore(int k, long nanos) {
      return countBelow(invoked[k], nanos);
    }

    long ackedBefore(int k, long nanos) {
      return countBelow(acked[k], nanos);
    }

    private static long countBelow(long[] sorted, long nanos) {
      int i = Arrays.binarySearch(sorted, nanos);
      if (i < 0) {
        return -i - 1;
      }
      while (i > 0 && sorted[i - 1] == nanos) {
        i--;
      }
      return i;
    }
  }
}
