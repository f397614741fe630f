package io.cesiumdb.server.workload;

import io.cesiumdb.server.workload.history.OpPair;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * External consistency in the database's own terms, for runs that record timestamps ({@code
 * db_ts}): a write acknowledged before another op was invoked has a smaller timestamp than that
 * op's — a later write's commit timestamp, a later read's snapshot timestamp (Spanner's guarantee:
 * commit wait puts {@code s} in the past before the acknowledgement, and every later timestamp is
 * {@code >= TT.now().latest} at its start). An inversion is a violation even when no read happened
 * to see it. Only ok ops with a recorded timestamp take part: an unknown write may or may not have
 * happened. Reads are not predecessors: a read only bounds the writes of the tablets it read.
 */
public final class TimestampOrder {
  /** Type of the anomalies found here. */
  public static final String TYPE = "timestamp-order";

  private TimestampOrder() {}

  /** Every op whose timestamp is not above that of a write acknowledged before it was invoked. */
  public static List<Anomaly> check(List<OpPair> pairs, String writeF) {
    List<OpPair> stamped =
        pairs.stream().filter(p -> p.ok() && p.completion().dbTs() != 0).toList();
    List<OpPair> writes =
        stamped.stream()
            .filter(p -> p.invoke().f().equals(writeF))
            .sorted(Comparator.comparingLong(OpPair::completeNanos))
            .toList();
    List<OpPair> byInvoke =
        stamped.stream().sorted(Comparator.comparingLong(OpPair::invokeNanos)).toList();
    List<Anomaly> out = new ArrayList<>();
    OpPair latest = null;
    int next = 0;
    for (OpPair op : byInvoke) {
      while (next < writes.size() && writes.get(next).completeNanos() < op.invokeNanos()) {
        OpPair w = writes.get(next++);
        if (latest == null || ts(w) > ts(latest)) {
          latest = w;
        }
      }
      if (latest != null && ts(op) <= ts(latest)) {
        out.add(new Anomaly(TYPE, describe(op, latest)));
      }
    }
    return out;
  }

  private static long ts(OpPair p) {
    return p.completion().dbTs();
  }

  private static String describe(OpPair op, OpPair before) {
    return String.format(
        "%s by process %d invoked at %.3f s got timestamp %d, not above %d of the %s by process %d"
            + " acknowledged at %.3f s, before it began",
        op.invoke().f(),
        op.invoke().process(),
        op.invokeNanos() / 1e9,
        ts(op),
        ts(before),
        before.invoke().f(),
        before.invoke().process(),
        before.completeNanos() / 1e9);
  }
}
