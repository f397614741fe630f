package io.cesiumdb.tablet.handlers;

import io.cesiumdb.tablet.replication.ReplicaHost;
import io.cesiumdb.tablet.storage.MvccStore;

/**
 * One handler per tablet RPC, assembled for a node. The rpc package dispatches each gRPC method to
 * its handler; handlers return futures and never throw.
 */
public record TabletHandlers(
    ReadHandler read,
    ScanHandler scan,
    WriteHandler write,
    StatusHandler status,
    CreateReplicaHandler createReplica,
    RemoveReplicaHandler removeReplica,
    SplitHandler split,
    ChangeReplicasHandler changeReplicas,
    TransferLeaderHandler transferLeader) {

  /** The handlers of a node whose replicas live in {@code host} over {@code store}. */
  public static TabletHandlers create(ReplicaHost host, MvccStore store, int maxWriteBytes) {
    Replicas replicas = new Replicas(host);
    return new TabletHandlers(
        new ReadHandler(replicas),
        new ScanHandler(replicas),
        new WriteHandler(replicas, maxWriteBytes),
        new StatusHandler(replicas, store),
        new CreateReplicaHandler(replicas),
        new RemoveReplicaHandler(replicas),
        new SplitHandler(replicas),
        new ChangeReplicasHandler(replicas),
        new TransferLeaderHandler(replicas));
  }
}
