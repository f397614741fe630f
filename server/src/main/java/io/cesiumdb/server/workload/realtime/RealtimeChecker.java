package io.cesiumdb.server.workload.realtime;

import io.cesiumdb.server.workload.Anomaly;
import io.cesiumdb.server.workload.history.Op;
import io.cesiumdb.server.workload.history.OpPair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Judges a realtime history in O(n log n + total read size). Acknowledged inserts are sorted by
 * completion time once; for a read R that saw ids S, every insert acknowledged before {@code
 * max(invoke(R), max over b in S of invoke(b))} must be in S. Missing ones acknowledged before R
 * began are <b>stale reads</b>; missing ones acknowledged after R began but before some seen insert
 * B was invoked are <b>causal reverses</b> (B visible without its predecessor A). Seen ids whose
 * insert failed ({@code phantom}) or was never invoked ({@code unexpected-id}) are flagged too.
 * Inserts that ended {@code info} may or may not be seen.
 */
public final class RealtimeChecker {
  private RealtimeChecker() {}

  /** The anomalies of {@code ops}; empty when valid. */
  public static List<Anomaly> check(List<Op> ops) {
    List<OpPair> pairs = OpPair.pairs(ops);
    Map<Long, OpPair> inserts = new HashMap<>();
    OpPair.withF(pairs, "insert").forEach(p -> inserts.put((Long) p.invoke().value(), p));
    List<OpPair> acked =
        inserts.values().stream()
            .filter(OpPair::ok)
            .sorted(Comparator.comparingLong(OpPair::completeNanos))
            .toList();
    List<Anomaly> out = new ArrayList<>();
    for (OpPair read : OpPair.withF(pairs, "read")) {
      if (read.ok()) {
        checkRead(read, (long[]) read.result(), inserts, acked, out);
      }
    }
    return out;
  }

  private static void checkRead(
      OpPair read, long[] seen, Map<Long, OpPair> inserts, List<OpPair> acked, List<Anomaly> out) {
    OpPair latest = null;
    for (long id : seen) {
      OpPair insert = inserts.get(id);
      if (insert == null) {
        out.add(new Anomaly("unexpected-id", at(read) + " saw id " + id + ", never inserted"));
      } else if (insert.outcome() == Op.Type.FAIL) {
        out.add(new Anomaly("phantom", at(read) + " saw id " + id + " whose insert failed"));
      } else if (latest == null || insert.invokeNanos() > latest.invokeNanos()) {
        latest = insert;
      }
    }
    int i = 0;
    for (; i < acked.size() && acked.get(i).completeNanos() < read.invokeNanos(); i++) {
      long id = (Long) acked.get(i).invoke().value();
      if (Arrays.binarySearch(seen, id) < 0) {
        out.add(
            new Anomaly(
                "stale-read",
                at(read)
                    + " missed id "
                    + id
                    + ", "
                    + acked(acked.get(i))
                    + " before the read began"));
        break;
      }
    }
    if (latest == null) {
      return;
    }
    for (; i < acked.size() && acked.get(i).completeNanos() < latest.invokeNanos(); i++) {
      long id = (Long) acked.get(i).invoke().value();
      if (Arrays.binarySearch(seen, id) < 0) {
        out.add(
            new Anomaly(
                "causal-reverse",
                at(read)
                    + " saw id "
                    + latest.invoke().value()
                    + " (invoked at "
                    + secs(latest.invokeNanos())
                    + ") but not id "
                    + id
                    + ", "
                    + acked(acked.get(i))
                    + " before it"));
        return;
      }
    }
  }

  private static String acked(OpPair insert) {
    return "acknowledged at " + secs(insert.completeNanos());
  }

  private static String at(OpPair read) {
    return String.format(
        Locale.ROOT,
        "read by process %d [%s, %s]",
        read.invoke().process(),
        secs(read.invokeNanos()),
        secs(read.completeNanos()));
  }

  static String secs(long nanos) {
    return String.format(Locale.ROOT, "%.6f s", nanos / 1e9);
  }
}
