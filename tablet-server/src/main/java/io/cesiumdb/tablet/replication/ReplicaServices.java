package io.cesiumdb.tablet.replication;

import io.cesiumdb.tablet.RaftTuning;
import io.cesiumdb.tablet.storage.MvccStore;
import io.cesiumdb.truetime.TrueTime;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What every replica on a node shares: the store, the node's TrueTime, the worker executor, the
 * request builder, the tuning, and how to turn a node id into its tablet RPC address.
 *
 * @param nodeId this node
 * @param store the node's MVCC store
 * @param clock the node's TrueTime
 * @param worker runs continuations that must not run on Ratis or gRPC threads
 * @param requests builds and submits in-process Raft requests
 * @param tuning the node's Raft settings (timeouts, write size limit)
 * @param addressResolver node id to tablet RPC address, for hints when a descriptor lacks one
 * @param clockGate whether the node's clock may be used for timestamps now
 */
record ReplicaServices(
    String nodeId,
    MvccStore store,
    TrueTime clock,
    Executor worker,
    RaftRequests requests,
    RaftTuning tuning,
    Supplier<Function<String, String>> addressResolver,
    Supplier<ClockGate> clockGate) {}
