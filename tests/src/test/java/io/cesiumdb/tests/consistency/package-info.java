/**
 * The consistency suite (issue 7): the product's own workloads ({@code cesium workload}: bank,
 * realtime, monotonic) with the product's nemeses, run against node-per-process clusters ({@code
 * NodeProcesses}: {@code kill -9} is real), checked by the workloads' Jepsen-style checkers.
 *
 * <p>Three sizes: {@code ConsistencySuiteIT} (CI: each workload once with every nemesis in
 * rotation), {@code NegativeControlIT} (CI: commit wait off, skew at ε, the realtime checker must
 * find the violation) and {@code ConsistencyLongRun} (profile {@code consistency}: 20+ runs of 60
 * s, summary table in {@code target/consistency/summary.md}, copied into {@code
 * docs/consistency.md}).
 *
 * <p>Invariants: every run ends with all nemeses healed and a final read; a run that reports an
 * anomaly fails the test with the anomaly's text and the history's path.
 */
package io.cesiumdb.tests.consistency;
