package io.cesiumdb.server.admin;

import io.cesiumdb.pd.cluster.NodeState;
import io.cesiumdb.server.admin.ClusterStatus.NodeRow;
import java.util.Locale;

/** Renders a {@link ClusterStatus} for the terminal: the PD leader, one row per node, totals. */
public final class StatusTable {
  private static final String ROW = "%-6s %-21s %-8s %-10s %7s %7s %10s%n";

  private StatusTable() {}

  public static String render(ClusterStatus s) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            "placement driver leader: %s (%s)%n%n",
            s.leaderNodeId().isEmpty() ? "?" : s.leaderNodeId(), s.leaderAddress()));
    sb.append(
        String.format(ROW, "node", "rpc", "liveness", "heartbeat", "tablets", "leaders", "disk"));
    for (NodeRow n : s.nodes()) {
      sb.append(
          String.format(
              ROW,
              n.nodeId(),
              n.rpcAddress(),
              n.state().name().toLowerCase(Locale.ROOT),
              age(n.heartbeatAgeMicros()),
              n.tablets(),
              n.leaders(),
              bytes(n.diskUsedBytes())));
    }
    long up = s.nodes().stream().filter(n -> n.state() == NodeState.UP).count();
    sb.append(
        String.format(
            "%n%d nodes (%d up), %d tables, %d tablets, %d replicas, %d leaders known%n",
            s.nodes().size(), up, s.tables(), s.tablets(), s.replicas(), s.leadersKnown()));
    return sb.toString();
  }

  static String age(long micros) {
    return micros < 0 ? "never" : String.format(Locale.ROOT, "%.1f s ago", micros / 1e6);
  }

  static String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double v = n;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }
}
