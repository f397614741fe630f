package io.cesiumdb.server.workload.report;

import io.cesiumdb.server.workload.Anomaly;
import io.cesiumdb.server.workload.WorkloadResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The text {@code cesium workload} prints after a run. */
public final class Summary {
  /** Anomalies printed per type; the history file has them all. */
  private static final int SHOWN_PER_TYPE = 5;

  private Summary() {}

  /** The report's lines. */
  public static List<String> lines(WorkloadResult r, String writeF) {
    Stats s = r.stats();
    List<String> out = new ArrayList<>();
    out.add(String.format(Locale.ROOT, "workload %s, %.1f s measured", r.workload(), s.seconds()));
    out.add(
        String.format(
            Locale.ROOT,
            "%ss: %d ok, %d failed, %d unknown; %.1f %ss/s",
            writeF,
            s.writes().ok(),
            s.writes().fail(),
            s.writes().info(),
            s.writesPerSecond(),
            writeF));
    out.add(
        String.format(
            Locale.ROOT,
            "reads: %d ok, %d failed; %.1f reads/s",
            s.reads().ok(),
            s.reads().fail(),
            s.readsPerSecond()));
    out.add(
        String.format(
            Locale.ROOT,
            "retries: %d of %d attempts aborted (%.1f%%)",
            s.abortedAttempts(),
            s.attempts(),
            100 * s.abortRatio()));
    out.add(writeF + " latency: " + s.writeLatency().describe());
    out.add("read latency: " + s.readLatency().describe());
    if (!s.errors().isEmpty()) {
      out.add("most frequent errors:");
    }
    s.errors().forEach((error, n) -> out.add("  " + n + " x " + error));
    out.add("nemesis events: " + r.nemesisEvents());
    r.history().ifPresent(p -> out.add("history: " + p));
    r.plot().ifPresent(p -> out.add("plot: " + p));
    out.addAll(anomalies(r.anomalies()));
    out.add("verdict: " + r.verdict());
    return out;
  }

  private static List<String> anomalies(List<Anomaly> all) {
    Map<String, List<Anomaly>> byType = new TreeMap<>();
    all.forEach(a -> byType.computeIfAbsent(a.type(), k -> new ArrayList<>()).add(a));
    List<String> out = new ArrayList<>();
    byType.forEach(
        (type, list) -> {
          out.add("anomaly " + type + " (" + list.size() + "):");
          list.stream().limit(SHOWN_PER_TYPE).forEach(a -> out.add("  " + a.description()));
        });
    return out;
  }
}
