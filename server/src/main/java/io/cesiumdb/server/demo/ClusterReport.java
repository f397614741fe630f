package io.cesiumdb.server.demo;

import io.cesiumdb.server.node.Node;
import io.cesiumdb.truetime.FencingVerdict;
import io.cesiumdb.truetime.PeerOffset;
import io.cesiumdb.truetime.SimulatedClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders the state of a demo cluster as a table for the terminal. */
public final class ClusterReport {
  private static final String ROW = "%-5s %-17s %-9s %-12s %-11s %s%n";

  private ClusterReport() {}

  /** One row per node: address, ε, true offset, offsets measured over RPC, clock verdict. */
  public static String render(LocalCluster cluster) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(ROW, "node", "rpc", "ε now", "true offset", "clock", "measured"));
    for (Node n : cluster.nodes()) {
      SimulatedClock clock = cluster.clock(n.config().nodeId());
      FencingVerdict v = n.clockMonitor().verdict();
      sb.append(
          String.format(
              ROW,
              n.config().nodeId(),
              n.address().target(),
              ms(clock.epsilonMicros()),
              signedMs(clock.trueOffsetMicros()),
              v.fenced() ? "FENCED" : "in bound",
              measured(v)));
    }
    return sb.toString();
  }

  private static String measured(FencingVerdict v) {
    List<String> parts = new ArrayList<>();
    for (PeerOffset p : v.agreeing()) {
      parts.add(offset(p));
    }
    for (PeerOffset p : v.disagreeing()) {
      parts.add(offset(p) + " (beyond bound)");
    }
    for (String id : v.unreachable()) {
      parts.add(id + " no sample");
    }
    return parts.isEmpty() ? "-" : String.join(", ", parts);
  }

  private static String offset(PeerOffset p) {
    return p.peerId() + " " + signedMs(p.offsetMicros()) + "±" + ms(p.uncertaintyMicros());
  }

  static String ms(long micros) {
    return String.format(Locale.ROOT, "%.3f ms", micros / 1000.0);
  }

  static String signedMs(long micros) {
    return String.format(Locale.ROOT, "%+.3f ms", micros / 1000.0);
  }
}
