/**
 * Fault injection in a running node, as product code (issue 7): the {@code FaultAdminService}
 * (fault.proto) that changes a node's {@link io.cesiumdb.truetime.SimulatedClock} and replaces the
 * directed link faults of its {@link io.cesiumdb.common.fault.FaultPlan}; {@link
 * io.cesiumdb.server.fault.FaultAdminClient}, the closable client the nemeses and tests call;
 * {@link io.cesiumdb.server.fault.NodeProcesses}, node processes ({@code cesium start} child JVMs)
 * under {@code kill -9} control; and {@link io.cesiumdb.server.fault.UnsafeNoCommitWait}, the
 * TrueTime wrapper behind the negative-control switch {@code --unsafe-disable-commit-wait}.
 *
 * <p>Neighbours: the node (server.node) registers the service on its gRPC server only when it runs
 * the simulated clock, outside the fault interceptor (so a partition never cuts the admin off); the
 * node's transports (rpc.FaultInjectingInterceptor, the tablet server's Ratis) consult the plan on
 * the receiving side; the nemeses (server.workload.nemesis) drive it.
 *
 * <p>Invariants: a production node (system clock) never serves the admin service; link faults are
 * replaced as a whole set, so sending the same set to every node is idempotent and an empty set
 * heals; a clock heal leaves offset 0, no strobe and drift 0.
 */
package io.cesiumdb.server.fault;
