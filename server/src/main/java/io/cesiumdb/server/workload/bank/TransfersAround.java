package io.cesiumdb.server.workload.bank;

import io.cesiumdb.server.workload.history.OpPair;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The context of a bad bank read, for a run with recorded timestamps ({@code db_ts}): its snapshot
 * timestamp and the transfers that overlapped it in real time, each with how it ended and, when ok,
 * its commit timestamp before ({@code <=}) or after ({@code >}) the snapshot. A transfer at or
 * below the snapshot must show in full, one above it not at all.
 */
final class TransfersAround {
  /** At most this many transfers are listed. */
  static final int LIMIT = 12;

  private TransfersAround() {}

  /** {@code "; snapshot ts r; overlapping transfers: ..."}, or "" without a timestamp. */
  static String read(OpPair read, List<OpPair> transfers) {
    long r = read.completion().dbTs();
    if (r == 0) {
      return "";
    }
    List<String> around =
        transfers.stream()
            .filter(t -> overlaps(t, read))
            .limit(LIMIT)
            .map(t -> describe(t, r))
            .collect(Collectors.toList());
    return "; snapshot ts " + r + "; overlapping transfers: " + around;
  }

  private static boolean overlaps(OpPair t, OpPair read) {
    return t.invokeNanos() < read.completeNanos() && t.completeNanos() > read.invokeNanos();
  }

  private static String describe(OpPair t, long r) {
    Map<?, ?> args = (Map<?, ?>) t.invoke().value();
    String what = args.get("from") + "->" + args.get("to") + " " + args.get("amount");
    if (!t.ok()) {
      return what + " " + t.outcome().label();
    }
    long ts = t.completion().dbTs();
    return what + (ts == 0 ? " ok" : " ok @" + ts + (ts <= r ? " (<=)" : " (>)"));
  }
}
