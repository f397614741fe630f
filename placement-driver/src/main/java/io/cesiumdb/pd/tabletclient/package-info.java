/**
 * The placement driver's client of the tablet servers' admin RPCs (CreateReplica, RemoveReplica,
 * Status, Split, ChangeReplicas, TransferLeader). {@link io.cesiumdb.pd.tabletclient.TabletAdmin}
 * is the seam the PD's decisions call (tests use a fake); {@link
 * io.cesiumdb.pd.tabletclient.GrpcTabletAdmin} is the gRPC implementation: one channel per tablet
 * address, a deadline per call; {@code LeaderCall} finds a tablet's Raft leader (directory hint,
 * then the NOT_LEADER hint of an answer, then rotation through the replicas with backoff, until a
 * deadline); {@link io.cesiumdb.pd.tabletclient.TabletErrors} maps wire errors and gRPC statuses to
 * {@code CesiumException}s.
 *
 * <p>Neighbours: used by {@code pd.controller} (operator executor, split flow) and {@code
 * pd.service} (CreateTable's replica creation); addresses come from the node registry through
 * {@code MetaState.descriptor}. Invariants: no method throws, every failure is a failed future with
 * a {@code CesiumException}; every RPC carries a deadline; nothing here reads PD state.
 */
package io.cesiumdb.pd.tabletclient;
