/**
 * Operators: what checkers and schedulers propose. An {@link io.cesiumdb.pd.operator.Operator} is
 * ordered {@link io.cesiumdb.pd.operator.Step}s (AddReplica, RemoveReplica, TransferLeader) for one
 * tablet at one epoch, with a kind that fixes its priority (repair before balance). {@link
 * io.cesiumdb.pd.operator.OperatorExecutor} is the seam the controller will implement; {@link
 * io.cesiumdb.pd.operator.OperatorSimulator} applies operators to a view without I/O.
 *
 * <p>Neighbours: produced by {@code checker} and {@code scheduler}, ordered by {@code
 * SchedulingRound}, executed by the controller (next step).
 *
 * <p>Invariants: operators are immutable and have at least one step; an operator whose epoch no
 * longer matches the tablet must not run; membership steps bump the epoch in the simulator as a
 * real move does.
 */
package io.cesiumdb.pd.operator;
