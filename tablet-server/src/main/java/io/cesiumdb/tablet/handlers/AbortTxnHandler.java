package io.cesiumdb.tablet.handlers;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.tablet.AbortTxnRequest;
import io.cesiumdb.proto.tablet.AbortTxnResponse;
import io.cesiumdb.tablet.replication.TabletReplica;
import io.cesiumdb.tablet.txn.TxnManager;
import java.util.concurrent.CompletableFuture;

/**
 * AbortTxn: releases the txn's locks on this tablet and forgets it. Idempotent: a txn unknown here
 * answers OK. Leader only: a follower answers NOT_LEADER with the leader hint, so the client's
 * router follows it to the node whose lock table holds the locks. (Until 2026-11-22 a follower
 * answered OK, "so a client that gives up never has to chase a leader"; but a router without a
 * cached leader tries replicas in turn, so the abort often landed on a follower, the locks stayed
 * until the leader's 10 s idle expiry, and the router even cached the follower as leader. The bank
 * workload's transfers waited those 10 s behind them.) An unhosted tablet is still TABLET_NOT_FOUND
 * (the caller's routing is wrong).
 */
public final class AbortTxnHandler {
  private final Replicas replicas;
  private final TxnManager txns;

  AbortTxnHandler(Replicas replicas, TxnManager txns) {
    this.replicas = replicas;
    this.txns = txns;
  }

  public CompletableFuture<AbortTxnResponse> handle(AbortTxnRequest request) {
    return Replicas.async(
        () -> {
          TabletReplica replica = replicas.get(request.getTabletId());
          if (request.getTxnId().isEmpty()) {
            throw new CesiumException(ErrorCode.INVALID_ARGUMENT, "AbortTxn needs a txn_id");
          }
          if (!replica.isLeader()) {
            throw replica.notLeader();
          }
          if (replica.prepared().get(request.getTxnId()).isEmpty()) {
            // A prepared transaction's locks go only with its ResolveTxn: its fate is decided
            // at the coordinator, and its writes may still commit.
            txns.existing(request.getTabletId()).ifPresent(t -> t.finish(request.getTxnId()));
          }
          return CompletableFuture.completedFuture(AbortTxnResponse.getDefaultInstance());
        });
  }
}
