package io.cesiumdb.truetime;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Writes a {@link FencingVerdict}'s explanation, e.g. {@code "node n1 is fenced: its clock offset
 * exceeds the 14.000 ms bound against a majority: n2 +25.310 ms ±0.120 ms, n3 +25.290 ms ±0.100 ms;
 * no fresh sample from: n4 (confirmed by 1 of 4 nodes including itself; 3 needed)"}.
 */
final class FencingExplanation {

  private FencingExplanation() {}

  static String explain(String selfId, FencingVerdict v) {
    String bound = String.format(Locale.ROOT, "%.3f ms", v.maxOffsetMicros() / 1_000.0);
    if (v.clusterSize() == 1) {
      return "node " + selfId + " is healthy: single-node cluster, no peers to compare with";
    }
    StringBuilder text = new StringBuilder("node ").append(selfId);
    if (v.fenced()) {
      text.append(" is fenced: ").append(fencedReason(v, bound));
    } else {
      text.append(" is healthy: its clock offset is within the ").append(bound).append(" bound");
      text.append(" against ").append(v.agreeing().size()).append(" peer(s)");
      appendIfAny(text, "; beyond the bound: ", describe(v.disagreeing()));
    }
    appendIfAny(text, "; no fresh sample from: ", String.join(", ", v.unreachable()));
    return text.append(tally(v)).toString();
  }

  /** Says "against a majority" only when the disagreeing peers alone deny the node a majority. */
  private static String fencedReason(FencingVerdict v, String bound) {
    String unconfirmed = "no majority confirms its clock within the " + bound + " bound";
    if (v.disagreeing().isEmpty()) {
      return unconfirmed;
    }
    int couldConfirm = 1 + v.agreeing().size() + v.unreachable().size();
    if (couldConfirm >= FencingVerdict.majorityOf(v.clusterSize())) {
      return unconfirmed + "; beyond the bound: " + describe(v.disagreeing());
    }
    return "its clock offset exceeds the "
        + bound
        + " bound against a majority: "
        + describe(v.disagreeing());
  }

  private static String tally(FencingVerdict v) {
    return String.format(
        Locale.ROOT,
        " (confirmed by %d of %d nodes including itself; %d needed)",
        1 + v.agreeing().size(),
        v.clusterSize(),
        FencingVerdict.majorityOf(v.clusterSize()));
  }

  private static String describe(List<PeerOffset> offsets) {
    return offsets.stream().map(PeerOffset::describe).collect(Collectors.joining(", "));
  }

  private static void appendIfAny(StringBuilder text, String label, String list) {
    if (!list.isEmpty()) {
      text.append(label).append(list);
    }
  }
}
