/**
 * The tablet RPC on the wire: {@link io.cesiumdb.tablet.rpc.TabletRpcService} implements the
 * generated {@code TabletService} by handing each call to its handler and completing the call from
 * the handler's future; {@link io.cesiumdb.tablet.rpc.ErrorDetails} is the only place where
 * failures become {@code ErrorDetail}s (stable code id plus retry hint).
 *
 * <p>Neighbours: the node's gRPC server hosts the service ({@code TabletServer.rpcService()});
 * {@code txn-coordinator}'s router is the main client and follows the NOT_LEADER hints.
 *
 * <p>Invariants: every call gets exactly one response; errors travel in the response's {@code
 * error} field, never as a gRPC status; gRPC threads never wait on Raft.
 */
package io.cesiumdb.tablet.rpc;
