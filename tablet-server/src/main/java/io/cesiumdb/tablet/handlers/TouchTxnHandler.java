package io.cesiumdb.tablet.handlers;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.tablet.TouchTxnRequest;
import io.cesiumdb.proto.tablet.TouchTxnResponse;
import io.cesiumdb.tablet.replication.TabletReplica;
import io.cesiumdb.tablet.txn.TxnManager;
import java.util.concurrent.CompletableFuture;

/**
 * TouchTxn (keepalive, every 2 s from the client): records activity so the txn is not expired.
 * Leader only (NOT_LEADER otherwise: the client learns the leader moved). A txn that ended here
 * answers why (TXN_WOUNDED, TXN_ABORTED); a txn unknown here answers OK, because "unknown" also
 * means "has taken no lock here yet" (a touch may precede the first read), which is not an error.
 */
public final class TouchTxnHandler {
  private final Replicas replicas;
  private final TxnManager txns;

  TouchTxnHandler(Replicas replicas, TxnManager txns) {
    this.replicas = replicas;
    this.txns = txns;
  }

  public CompletableFuture<TouchTxnResponse> handle(TouchTxnRequest request) {
    return Replicas.async(
        () -> {
          TabletReplica replica = replicas.get(request.getTabletId());
          if (request.getTxnId().isEmpty()) {
            throw new CesiumException(ErrorCode.INVALID_ARGUMENT, "TouchTxn needs a txn_id");
          }
          return txns.forReadyLeader(replica)
              .thenApply(
                  t -> {
                    t.touch(request.getTxnId());
                    return TouchTxnResponse.getDefaultInstance();
                  });
        });
  }
}
