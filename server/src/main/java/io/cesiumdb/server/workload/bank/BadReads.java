package io.cesiumdb.server.workload.bank;

import io.cesiumdb.server.workload.Anomaly;
import io.cesiumdb.server.workload.history.OpPair;
import java.util.Locale;
import java.util.Optional;

/**
 * Bad reads of one kind, as Jepsen's bank checker reports them: how many, and the first, the worst
 * (largest badness) and the last, each with its process, completion time and what was wrong.
 */
final class BadReads {
  private final String type;
  private int count;
  private String first;
  private String worst;
  private String last;
  private long worstBadness = -1;

  BadReads(String type) {
    this.type = type;
  }

  void add(OpPair read, long badness, String what) {
    String line = describe(read, what);
    count++;
    if (first == null) {
      first = line;
    }
    if (badness > worstBadness) {
      worstBadness = badness;
      worst = line;
    }
    last = line;
  }

  Optional<Anomaly> anomaly() {
    if (count == 0) {
      return Optional.empty();
    }
    return Optional.of(
        new Anomaly(
            type, count + " bad reads; first: " + first + "; worst: " + worst + "; last: " + last));
  }

  private static String describe(OpPair read, String what) {
    return String.format(
        Locale.ROOT,
        "read by process %d at %.3f s: %s",
        read.invoke().process(),
        read.completeNanos() / 1e9,
        what);
  }
}
