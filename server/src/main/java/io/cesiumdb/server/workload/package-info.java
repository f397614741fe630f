/**
 * {@code cesium workload}: Jepsen-style consistency workloads run through the JDBC driver against
 * any cluster. {@link io.cesiumdb.server.workload.WorkloadRunner#run} takes a {@link
 * io.cesiumdb.server.workload.WorkloadSpec} and the nemeses, runs writer and reader processes
 * ({@link io.cesiumdb.server.workload.Worker}) that record every op in a {@code history.History},
 * schedules the nemeses ({@link io.cesiumdb.server.workload.NemesisSchedule}: healthy window, one
 * nemesis injected in rotation, faulty window, heal, ...), heals, does a final read, and returns a
 * {@link io.cesiumdb.server.workload.WorkloadResult}: the {@link
 * io.cesiumdb.server.workload.Workload}'s checker verdict (plus, when the run records timestamps,
 * {@link io.cesiumdb.server.workload.TimestampOrder}'s), statistics, history file and plot.
 *
 * <p>Sub-packages: {@code history} (ops, JSON lines), {@code bank}, {@code realtime}, {@code
 * monotonic} (one workload and its checker each), {@code report} (statistics, summary, plot),
 * {@code nemesis} (the faults; another package's contract). Neighbours: {@code cli.WorkloadCommand}
 * (above); the JDBC driver (below) — no server internals are used, so the workloads run against any
 * cluster.
 *
 * <p>Invariants: every JDBC call is bounded by the driver's call timeout, so a fault cannot hang a
 * run; a write whose outcome is unknown is recorded {@code info} and checkers treat it as
 * maybe-happened; the nemeses are healed before the final read.
 */
package io.cesiumdb.server.workload;
