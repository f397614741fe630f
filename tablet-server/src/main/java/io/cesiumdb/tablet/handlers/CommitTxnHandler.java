package io.cesiumdb.tablet.handlers;

import io.cesiumdb.proto.tablet.CommitTxnRequest;
import io.cesiumdb.proto.tablet.CommitTxnResponse;
import io.cesiumdb.proto.tablet.Mutation;
import io.cesiumdb.proto.tablet.TxnDecision;
import io.cesiumdb.proto.tablet.TxnOutcome;
import io.cesiumdb.tablet.replication.TabletReplica;
import io.cesiumdb.tablet.txn.PreparedKeys;
import io.cesiumdb.tablet.txn.TabletTxns;
import io.cesiumdb.tablet.txn.TxnManager;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * CommitTxn, single tablet (design §3.5) or as the coordinator of a two-phase commit (§3.6, when
 * the request lists participants: the commit timestamp is at least every prepare timestamp). Both
 * log the transaction's COMMITTED decision with this tablet's writes, so both leave a decision
 * record that {@code TxnStatus} answers: a client whose commit answer was lost settles it there.
 * EXCLUSIVE locks on every mutated key, in key order; then the txn is marked prepared (no longer
 * woundable) and its writes are replicated at one commit timestamp (commit wait happens at apply);
 * the locks are released once the write completed, whatever its outcome. A txn wounded before its
 * locks were all granted fails with TXN_WOUNDED and nothing is written.
 *
 * <p>An empty commit writes nothing: it answers the timestamp of a leader read at now, which is
 * after every read the txn made under its locks (they are released at the reply).
 */
public final class CommitTxnHandler {
  private final Replicas replicas;
  private final TxnManager txns;
  private final int maxWriteBytes;

  CommitTxnHandler(Replicas replicas, TxnManager txns, int maxWriteBytes) {
    this.replicas = replicas;
    this.txns = txns;
    this.maxWriteBytes = maxWriteBytes;
  }

  public CompletableFuture<CommitTxnResponse> handle(CommitTxnRequest request) {
    return Replicas.async(
        () -> {
          TabletReplica replica = replicas.get(request.getTabletId());
          String txnId = request.getTxn().getTxnId();
          TxnRequests.validate(
              "CommitTxn", txnId, request, request.getMutationsList(), replica, maxWriteBytes);
          return txns.forReadyLeader(replica).thenCompose(t -> commit(replica, t, request));
        });
  }

  private static CompletableFuture<CommitTxnResponse> commit(
      TabletReplica replica, TabletTxns tablet, CommitTxnRequest request) {
    String txnId = request.getTxn().getTxnId();
    TxnRequests.requireSameTerm(txnId, request.getReadTerm(), tablet);
    CompletableFuture<Long> commit =
        tablet
            .lockExclusive(
                txnId,
                request.getTxn().getPriorityTs(),
                PreparedKeys.sorted(request.getMutationsList()))
            .thenCompose(
                v -> {
                  tablet.beginCommit(txnId);
                  return write(replica, request);
                });
    return commit
        .whenComplete((ts, t) -> tablet.finish(txnId))
        .thenApply(ts -> CommitTxnResponse.newBuilder().setCommitTs(ts).build());
  }

  /**
   * One tablet: the decision with the writes at a fresh timestamp, at most once (a leader change
   * after the append answers "outcome unknown"). Two-phase commit (participants listed): the
   * decision with this tablet's writes, at a timestamp {@code >= min_commit_ts} and {@code >=
   * locked_ts} (the coordinator's clock reading after the lock round, if it sent one).
   */
  private static CompletableFuture<Long> write(TabletReplica replica, CommitTxnRequest request) {
    List<Mutation> mutations = request.getMutationsList();
    TxnDecision.Builder decision =
        TxnDecision.newBuilder()
            .setTxnId(request.getTxn().getTxnId())
            .setOutcome(TxnOutcome.COMMITTED)
            .addAllMutations(mutations)
            .addAllParticipantTabletIds(request.getParticipantTabletIdsList());
    if (request.getParticipantTabletIdsCount() > 0) {
      return replica
          .decide(decision, request.getMinCommitTs(), request.getLockedTs())
          .thenApply(r -> r.commitTs());
    }
    if (mutations.isEmpty()) {
      return replica.lockedRead((store, ts) -> ts);
    }
    return replica.commitTxn(decision).thenApply(r -> r.commitTs());
  }
}
