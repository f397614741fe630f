/**
 * The placement driver's decision layer: pure functions from an immutable {@link
 * io.cesiumdb.pd.cluster.ClusterView} to proposed {@link io.cesiumdb.pd.operator.Operator}s. {@link
 * io.cesiumdb.pd.SchedulingRound} runs the {@code checker}s (repair) and then the {@code
 * scheduler}s (balance) over one view, keeps one operator per tablet and orders repairs first;
 * {@code placement} places new tablets; {@code meta} is the replicated metadata state machine
 * (registry, catalog, tablet directory) whose {@code toClusterView} feeds the rest.
 *
 * <p>Neighbours: the replicated metadata service (next step) builds views from heartbeats and the
 * tablet directory, and an {@link io.cesiumdb.pd.operator.OperatorExecutor} runs the operators over
 * Ratis membership change and the tablet RPC.
 *
 * <p>Invariants: nothing here does I/O, holds locks or reads a clock; the same view gives the same
 * decisions; at most one operator per tablet per round, never for a tablet already pending.
 */
package io.cesiumdb.pd;
