package io.cesiumdb.tablet.handlers;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.tablet.TxnDecision;
import io.cesiumdb.proto.tablet.TxnStatusRequest;
import io.cesiumdb.proto.tablet.TxnStatusResponse;
import io.cesiumdb.tablet.replication.TabletReplica;
import io.cesiumdb.tablet.replication.TxnDecisions;
import io.cesiumdb.tablet.txn.TxnManager;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * TxnStatus at a coordinator tablet (design §4; a single-tablet commit's tablet is its own
 * coordinator): the recorded decision, read at the leader after ReadIndex (so it reflects every
 * committed entry). With {@code abort_if_unknown} and no decision, it logs ABORTED first — a commit
 * decision that is already in the log ahead of it wins (the abort is refused at apply) and is
 * answered instead — and fails a commit of the txn still waiting for locks here.
 */
public final class TxnStatusHandler {
  private final Replicas replicas;
  private final TxnManager txns;

  TxnStatusHandler(Replicas replicas, TxnManager txns) {
    this.replicas = replicas;
    this.txns = txns;
  }

  public CompletableFuture<TxnStatusResponse> handle(TxnStatusRequest request) {
    return Replicas.async(
        () -> {
          TabletReplica replica = replicas.get(request.getTabletId());
          String txnId = request.getTxnId();
          if (txnId.isEmpty()) {
            throw new CesiumException(ErrorCode.INVALID_ARGUMENT, "TxnStatus needs a txn_id");
          }
          return decision(replica, txnId)
              .thenCompose(
                  found -> {
                    if (found.isPresent() || !request.getAbortIfUnknown()) {
                      return CompletableFuture.completedFuture(answer(found));
                    }
                    return abort(replica, txnId);
                  });
        });
  }

  private CompletableFuture<TxnStatusResponse> abort(TabletReplica replica, String txnId) {
    return replica
        .decideAborted(txnId)
        .handle(
            (r, t) -> {
              if (t == null) {
                txns.existing(replica.tabletId()).ifPresent(x -> x.abortDecided(txnId));
                return CompletableFuture.<Optional<TxnDecision>>completedFuture(Optional.empty());
              }
              if (unwrap(t) instanceof CesiumException e && e.code() == ErrorCode.TXN_ABORTED) {
                return decision(replica, txnId); // decided meanwhile: answer what was recorded
              }
              return CompletableFuture.<Optional<TxnDecision>>failedFuture(unwrap(t));
            })
        .thenCompose(f -> f)
        .thenApply(d -> d.isPresent() ? answer(d) : aborted());
  }

  /**
   * The record, read once this replica leads and has applied every entry of earlier terms: a leader
   * just elected (when a client settles a commit lost in a leader change) waits for that rather
   * than failing at once.
   */
  private static CompletableFuture<Optional<TxnDecision>> decision(
      TabletReplica replica, String txnId) {
    return replica
        .whenReadyLeader()
        .thenCompose(
            v ->
                replica.leaderStateRead(
                    store -> TxnDecisions.read(store, replica.tabletId(), txnId)));
  }

  private static TxnStatusResponse answer(Optional<TxnDecision> d) {
    TxnStatusResponse.Builder r = TxnStatusResponse.newBuilder();
    d.ifPresent(x -> r.setOutcome(x.getOutcome()).setCommitTs(x.getCommitTs()));
    return r.build();
  }

  private static TxnStatusResponse aborted() {
    return TxnStatusResponse.newBuilder()
        .setOutcome(io.cesiumdb.proto.tablet.TxnOutcome.ABORTED)
        .build();
  }

  private static Throwable unwrap(Throwable t) {
    return t instanceof CompletionException c && c.getCause() != null ? c.getCause() : t;
  }
}
