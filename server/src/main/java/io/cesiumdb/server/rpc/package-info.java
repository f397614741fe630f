/**
 * The node's gRPC edges: the server ({@link io.cesiumdb.server.rpc.NodeRpcServer}: node service,
 * tablet service, and the placement service of a PD member or, on other nodes, the GetLeader-only
 * {@link io.cesiumdb.server.rpc.PdLeaderRelay}) and the clients: {@link
 * io.cesiumdb.server.rpc.GrpcClockPeer} for the clock offset monitor, {@link
 * io.cesiumdb.server.rpc.PdClient} for the placement driver (finds its leader from seed addresses,
 * follows NOT_LEADER hints).
 *
 * <p>Neighbours: {@code io.cesiumdb.server.node} owns the lifecycle (its PD agent calls through
 * {@code PdClient}, as does {@code io.cesiumdb.server.admin}); {@code io.cesiumdb.truetime} defines
 * {@code ClockPeer}, which this package implements. Invariants: every outgoing call carries a
 * deadline; handlers never block (they read TrueTime or local state and answer), so they may run on
 * gRPC's threads; mapping between wire errors and {@code CesiumException} happens only here.
 */
package io.cesiumdb.server.rpc;
