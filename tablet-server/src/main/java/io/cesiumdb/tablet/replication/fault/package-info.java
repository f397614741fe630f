/**
 * Network fault injection on the Raft transport: {@link
 * io.cesiumdb.tablet.replication.fault.RaftFaultInterceptor} is a (shaded) gRPC server interceptor
 * installed on the node's Ratis server. It names the sender of each incoming Raft message ({@link
 * io.cesiumdb.tablet.replication.fault.RequestorIds}) and applies the node's {@code FaultPlan}:
 * drop (the call fails with UNAVAILABLE) or delay (delivered later, in order, {@link
 * io.cesiumdb.tablet.replication.fault.OrderedDelivery}).
 *
 * <p>Neighbours: {@code io.cesiumdb.common.fault.FaultPlan} (shared by the nodes of an in-process
 * cluster); installed by {@code ReplicaHost} through {@code
 * GrpcConfigKeys.Server.setServicesCustomizer}. The tablet RPC's own interceptor (caller named by
 * the {@code cesium-caller-node} header) belongs to the node's gRPC server, not here.
 *
 * <p>Invariants: with a healthy plan every message is delivered at once and unchanged; listener
 * events of one call are never reordered or run concurrently; only requests from nodes are affected
 * (client requests carry no node id).
 */
package io.cesiumdb.tablet.replication.fault;
