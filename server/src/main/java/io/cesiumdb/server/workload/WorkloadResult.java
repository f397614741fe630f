package io.cesiumdb.server.workload;

import io.cesiumdb.server.workload.report.Stats;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of one run: the checker's verdict with every anomaly, the statistics, and where the
 * history and plot were written.
 *
 * @param workload the workload's name
 * @param anomalies what the checker found; empty when the history is valid
 * @param stats op counts, throughput, retries and latencies of the measured part
 * @param nemesisEvents how many nemesis start/stop events the history holds
 * @param history the history file, when one was written
 * @param plot the PNG plot, when one was written
 */
public record WorkloadResult(
    String workload,
    List<Anomaly> anomalies,
    Stats stats,
    int nemesisEvents,
    Optional<Path> history,
    Optional<Path> plot) {

  public WorkloadResult {
    anomalies = List.copyOf(anomalies);
  }

  /** Whether the checker found nothing wrong. */
  public boolean valid() {
    return anomalies.isEmpty();
  }

  /** {@code valid} or {@code INVALID}. */
  public String verdict() {
    return valid() ? "valid" : "INVALID";
  }
}
