/**
 * Network fault injection as product code: {@link io.cesiumdb.common.fault.FaultPlan} says which
 * directed links between nodes lose or delay messages. The transports (node gRPC server, Ratis
 * server) consult it on the receiving side; tests and the consistency suite's nemeses change it.
 *
 * <p>Invariants: a message is dropped only when a fault names its link; a healthy plan costs one
 * emptiness check per message; messages from callers that are not nodes are never affected.
 */
package io.cesiumdb.common.fault;
