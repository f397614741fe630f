/**
 * What a run reports: {@link io.cesiumdb.server.workload.report.Stats} (op counts, throughput,
 * retries, {@link io.cesiumdb.server.workload.report.Percentiles latency percentiles}) from a
 * history, the text {@link io.cesiumdb.server.workload.report.Summary} {@code cesium workload}
 * prints, and the PNG {@link io.cesiumdb.server.workload.report.PlotWriter} draws with XChart.
 *
 * <p>Neighbours: reads {@code workload.history} only; the runner calls it after the checkers.
 * Invariants: statistics count client ops invoked after the warm-up, never the final read or the
 * nemesis; nothing here changes a verdict.
 */
package io.cesiumdb.server.workload.report;
