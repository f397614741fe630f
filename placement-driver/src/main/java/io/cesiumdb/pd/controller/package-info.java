/**
 * What the placement driver's leader does to the cluster, as opposed to deciding about it: {@link
 * io.cesiumdb.pd.controller.OperatorController} (the scheduling loop: views from the replicated
 * state, {@code SchedulingRound}, bounded execution, auto-split, orphan-replica GC), {@link
 * io.cesiumdb.pd.controller.ReplicaReportTracker} (leader-only soft state: how long each replica
 * has been missing from its node's reports, or reported without being placed), {@link
 * io.cesiumdb.pd.controller.TabletOperatorExecutor} (an operator's steps as tablet RPCs, each step
 * committed to the PD log once it took effect), {@link io.cesiumdb.pd.controller.SplitFlow}
 * (allocate an id, split at the tablet's leader, commit the split the tablet made), all over a
 * {@link io.cesiumdb.pd.controller.LeaderContext} (PD log seam {@link
 * io.cesiumdb.pd.controller.MetaLog}, tablet admin seam, liveness, {@link
 * io.cesiumdb.pd.controller.ControllerConfig}).
 *
 * <p>Neighbours: {@code pd.service} builds these on every PD member and starts the controller;
 * {@code pd.meta} is the state they read and the commands they commit; {@code pd.tabletclient}
 * carries the RPCs; the decision layer ({@code checker}, {@code scheduler}, {@code
 * SchedulingRound}) proposes.
 *
 * <p>Invariants: only the ready PD leader acts (a follower's round does nothing; a deposed leader's
 * operator stops before its next step); the directory changes only after the tablet group did
 * (never the other way round); an operator or split whose epoch moved does not run; at most one
 * operator or split per tablet, at most {@code maxInFlightOperators} from the controller; new
 * replicas go to distinct UP nodes only; every wait is bounded and runs on the PD's own worker
 * threads, never on gRPC or Ratis threads; lost replicas and orphans are acted on only after the
 * report grace, never for a tablet with anything in flight, and orphans only for tablets the
 * directory knows.
 */
package io.cesiumdb.pd.controller;
