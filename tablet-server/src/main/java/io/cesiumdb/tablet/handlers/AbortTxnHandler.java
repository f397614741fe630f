package io.cesiumdb.tablet.handlers;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.tablet.AbortTxnRequest;
import io.cesiumdb.proto.tablet.AbortTxnResponse;
import io.cesiumdb.tablet.replication.TabletReplica;
import io.cesiumdb.tablet.txn.TxnManager;
import java.util.concurrent.CompletableFuture;

/**
 * AbortTxn: releases the txn's locks on this tablet and forgets it. Idempotent and lenient: a txn
 * unknown here, or a replica that no longer leads (its table is closed by the next tick anyway),
 * answers OK, so a client that gives up never has to chase a leader. An unhosted tablet is still
 * TABLET_NOT_FOUND (the caller's routing is wrong).
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
          if (replica.prepared().get(request.getTxnId()).isEmpty()) {
            // A prepared transaction's locks go only with its ResolveTxn: its fate is decided
            // at the coordinator, and its writes may still commit.
            txns.existing(request.getTabletId()).ifPresent(t -> t.finish(request.getTxnId()));
          }
          return CompletableFuture.completedFuture(AbortTxnResponse.getDefaultInstance());
        });
  }
}
