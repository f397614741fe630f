package io.cesiumdb.tablet.handlers;

import io.cesiumdb.proto.tablet.PrepareTxn;
import io.cesiumdb.proto.tablet.PrepareTxnRequest;
import io.cesiumdb.proto.tablet.PrepareTxnResponse;
import io.cesiumdb.tablet.replication.TabletReplica;
import io.cesiumdb.tablet.replication.WriteResult;
import io.cesiumdb.tablet.txn.PreparedKeys;
import io.cesiumdb.tablet.txn.TabletTxns;
import io.cesiumdb.tablet.txn.TxnManager;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * PrepareTxn, participant side of two-phase commit (design §3.6): EXCLUSIVE locks on the keys, in
 * key order (wound-wait applies while they are acquired); then the transaction is marked prepared
 * (never wounded again) and the prepare record is logged at a fresh timestamp, {@code >=} the
 * request's {@code locked_ts} when it has one, which is answered. The locks stay until ResolveTxn.
 * If the prepare fails, the locks go at once: the client then aborts the transaction (a prepare
 * that did reach the log is resolved ABORTED by the client or, failing that, by recovery).
 *
 * <p>Without mutations it validates a tablet the transaction only read: its read locks must still
 * be held (not wounded, same leader term); they are pinned (never wounded from now on) until the
 * client releases them after the decision. Nothing is logged and the answer's timestamp is 0. Known
 * gap: a leader change at this tablet before the release drops the pinned locks unnoticed (logging
 * read spans in a prepare record would close it; see transactions.md §3.8).
 *
 * <p>With {@code lock_only} it only takes the EXCLUSIVE locks (phase one of a multi-tablet commit);
 * the transaction stays woundable and nothing is logged.
 *
 * <p>Idempotent: a transaction already prepared here answers its prepare timestamp again.
 */
public final class PrepareTxnHandler {
  private final Replicas replicas;
  private final TxnManager txns;
  private final int maxWriteBytes;

  PrepareTxnHandler(Replicas replicas, TxnManager txns, int maxWriteBytes) {
    this.replicas = replicas;
    this.txns = txns;
    this.maxWriteBytes = maxWriteBytes;
  }

  public CompletableFuture<PrepareTxnResponse> handle(PrepareTxnRequest request) {
    return Replicas.async(
        () -> {
          TabletReplica replica = replicas.get(request.getTabletId());
          String txnId = request.getTxn().getTxnId();
          TxnRequests.validate(
              "PrepareTxn", txnId, request, request.getMutationsList(), replica, maxWriteBytes);
          return txns.forReadyLeader(replica).thenCompose(t -> prepare(replica, t, request));
        });
  }

  private static CompletableFuture<PrepareTxnResponse> prepare(
      TabletReplica replica, TabletTxns tablet, PrepareTxnRequest request) {
    String txnId = request.getTxn().getTxnId();
    Optional<PrepareTxn> already = replica.prepared().get(txnId);
    if (already.isPresent()) {
      return CompletableFuture.completedFuture(answer(already.get().getPrepareTs()));
    }
    TxnRequests.requireSameTerm(txnId, request.getReadTerm(), tablet);
    if (request.getMutationsCount() == 0) {
      return pinReads(tablet, txnId);
    }
    CompletableFuture<Void> locked =
        tablet.lockExclusive(
            txnId,
            request.getTxn().getPriorityTs(),
            PreparedKeys.sorted(request.getMutationsList()));
    if (request.getLockOnly()) {
      return releasedOnFailure(locked, tablet, txnId).thenApply(v -> answer(0));
    }
    CompletableFuture<WriteResult> logged =
        locked.thenCompose(
            v -> {
              tablet.beginCommit(txnId);
              return replica.prepare(record(request), request.getLockedTs());
            });
    return releasedOnFailure(logged, tablet, txnId).thenApply(r -> answer(r.commitTs()));
  }

  /**
   * A tablet the transaction only read: its read locks must still be here (a transaction holding
   * nothing lost them, to expiry or a leader change) and unwounded; from now on they are pinned.
   */
  private static CompletableFuture<PrepareTxnResponse> pinReads(TabletTxns tablet, String txnId) {
    tablet.pinReads(txnId);
    return CompletableFuture.completedFuture(answer(0));
  }

  private static <T> CompletableFuture<T> releasedOnFailure(
      CompletableFuture<T> step, TabletTxns tablet, String txnId) {
    return step.whenComplete(
        (r, t) -> {
          if (t != null) {
            tablet.finish(txnId);
          }
        });
  }

  private static PrepareTxn.Builder record(PrepareTxnRequest request) {
    return PrepareTxn.newBuilder()
        .setTxnId(request.getTxn().getTxnId())
        .setPriorityTs(request.getTxn().getPriorityTs())
        .addAllMutations(request.getMutationsList())
        .setCoordinatorTabletId(request.getCoordinator().getTabletId())
        .setCoordinator(request.getCoordinator());
  }

  private static PrepareTxnResponse answer(long prepareTs) {
    return PrepareTxnResponse.newBuilder().setPrepareTs(prepareTs).build();
  }
}
