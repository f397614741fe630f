/**
 * The node RPC over gRPC (service {@code cesium.node.v1.NodeService} in {@code proto}): the server
 * side ({@link io.cesiumdb.server.rpc.NodeRpcServer}) and the client side used by the clock offset
 * monitor ({@link io.cesiumdb.server.rpc.GrpcClockPeer}).
 *
 * <p>Neighbours: {@code io.cesiumdb.server.node} owns the lifecycle; {@code io.cesiumdb.truetime}
 * defines {@code ClockPeer}, which this package implements. Invariants: every outgoing call carries
 * a deadline; handlers never block (they read TrueTime and answer), so they may run on gRPC's
 * threads; mapping between wire errors and {@code CesiumException} happens only here.
 */
package io.cesiumdb.server.rpc;
