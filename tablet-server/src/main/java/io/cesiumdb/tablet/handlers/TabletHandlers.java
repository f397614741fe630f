package io.cesiumdb.tablet.handlers;

import io.cesiumdb.tablet.replication.ReplicaHost;
import io.cesiumdb.tablet.storage.MvccStore;
import io.cesiumdb.tablet.txn.TxnManager;

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
    TransferLeaderHandler transferLeader,
    CommitTxnHandler commitTxn,
    AbortTxnHandler abortTxn,
    TouchTxnHandler touchTxn,
    PrepareTxnHandler prepareTxn,
    ResolveTxnHandler resolveTxn,
    TxnStatusHandler txnStatus,
    ForgetTxnDecisionsHandler forgetTxnDecisions,
    TxnManager txns) {

  /**
   * The handlers of a node whose replicas live in {@code host} over {@code store}; starts the
   * node's transaction manager (its expiry tick runs on the host's timer).
   */
  public static TabletHandlers create(ReplicaHost host, MvccStore store, int maxWriteBytes) {
    Replicas replicas = new Replicas(host);
    TxnManager txns = TxnManager.startOn(host);
    return new TabletHandlers(
        new ReadHandler(replicas, txns),
        new ScanHandler(replicas, txns),
        new WriteHandler(replicas, maxWriteBytes),
        new StatusHandler(replicas, store),
        new CreateReplicaHandler(replicas),
        new RemoveReplicaHandler(replicas),
        new SplitHandler(replicas),
        new ChangeReplicasHandler(replicas),
        new TransferLeaderHandler(replicas),
        new CommitTxnHandler(replicas, txns, maxWriteBytes),
        new AbortTxnHandler(replicas, txns),
        new TouchTxnHandler(replicas, txns),
        new PrepareTxnHandler(replicas, txns, maxWriteBytes),
        new ResolveTxnHandler(replicas, txns),
        new TxnStatusHandler(replicas, txns),
        new ForgetTxnDecisionsHandler(replicas),
        txns);
  }
}
