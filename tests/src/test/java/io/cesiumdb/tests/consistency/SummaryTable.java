package io.cesiumdb.tests.consistency;

import io.cesiumdb.server.workload.WorkloadResult;
import io.cesiumdb.server.workload.report.Stats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The long run's Markdown summary: one row per run, totals, and the negative control. */
final class SummaryTable {
  /** One run of the long suite. */
  record Row(
      int run, String workload, String nemeses, long seed, long faults, WorkloadResult result) {}

  private SummaryTable() {}

  static Path write(List<Row> rows, WorkloadResult control, boolean caught, Duration each)
      throws IOException {
    StringBuilder b = new StringBuilder();
    b.append("| run | workload | nemeses | seed | ok writes | ok reads | unknown | faults")
        .append(" | anomalies | writes/s | aborted |\n")
        .append("|---|---|---|---|---|---|---|---|---|---|---|\n");
    long ops = 0;
    long faults = 0;
    long anomalies = 0;
    for (Row r : rows) {
      Stats s = r.result().stats();
      ops += s.writes().ok() + s.reads().ok();
      faults += r.faults();
      anomalies += r.result().anomalies().size();
      b.append(
          String.format(
              "| %d | %s | %s | %d | %d | %d | %d | %d | %d | %.1f | %.1f %% |%n",
              r.run(),
              r.workload(),
              r.nemeses(),
              r.seed(),
              s.writes().ok(),
              s.reads().ok(),
              s.writes().info(),
              r.faults(),
              r.result().anomalies().size(),
              s.writesPerSecond(),
              100 * s.abortRatio()));
    }
    b.append(
        String.format(
            "%n**Totals:** %d runs of %d s, %d ok operations, %d faults injected, %d anomalies.%n",
            rows.size(), each.toSeconds(), ops, faults, anomalies));
    b.append(
        String.format(
            "%n**Negative control** (commit wait off, ε %.0f ms, n1 +ε): %s; %d anomalies, e.g. %s%n",
            NegativeControl.EPSILON_MS,
            caught ? "caught" : "NOT CAUGHT",
            control.anomalies().size(),
            control.anomalies().isEmpty() ? "none" : control.anomalies().get(0)));
    Path out = Path.of("target", "consistency", "summary.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, b.toString());
    return out;
  }
}
