package io.cesiumdb.tablet.handlers;

import com.google.protobuf.ByteString;
import io.cesiumdb.common.error.AbortReason;
import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.common.error.RetryHint;
import io.cesiumdb.proto.tablet.CommitTxnRequest;
import io.cesiumdb.proto.tablet.CommitTxnResponse;
import io.cesiumdb.proto.tablet.Mutation;
import io.cesiumdb.tablet.replication.TabletMoves;
import io.cesiumdb.tablet.replication.TabletReplica;
import io.cesiumdb.tablet.txn.TabletTxns;
import io.cesiumdb.tablet.txn.TxnManager;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * CommitTxn, single tablet (design §3.5): EXCLUSIVE locks on every mutated key, in key order; then
 * the txn is marked prepared (no longer woundable) and its writes are replicated at one commit
 * timestamp (commit wait happens at apply); the locks are released once the write completed,
 * whatever its outcome. A txn wounded before its locks were all granted fails with TXN_WOUNDED and
 * nothing is written.
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
          validate(request, replica);
          String txnId = request.getTxn().getTxnId();
          TabletTxns tablet = txns.forLeader(replica);
          requireSameTerm(request, tablet);
          CompletableFuture<Long> commit =
              tablet
                  .lockExclusive(txnId, request.getTxn().getPriorityTs(), sortedKeys(request))
                  .thenCompose(
                      v -> {
                        tablet.beginCommit(txnId);
                        return write(replica, request.getMutationsList());
                      });
          return commit
              .whenComplete((ts, t) -> tablet.finish(txnId))
              .thenApply(ts -> CommitTxnResponse.newBuilder().setCommitTs(ts).build());
        });
  }

  private static CompletableFuture<Long> write(TabletReplica replica, List<Mutation> mutations) {
    if (mutations.isEmpty()) {
      return replica.leaderRead(0, (store, ts) -> ts);
    }
    return replica.write(mutations).thenApply(r -> r.commitTs());
  }

  /** The distinct mutated keys in unsigned byte order. */
  private static List<byte[]> sortedKeys(CommitTxnRequest request) {
    return request.getMutationsList().stream()
        .map(Mutation::getKey)
        .distinct()
        .map(ByteString::toByteArray)
        .sorted(Arrays::compareUnsigned)
        .toList();
  }

  private void validate(CommitTxnRequest request, TabletReplica replica) {
    if (request.getTxn().getTxnId().isEmpty()) {
      throw new CesiumException(ErrorCode.INVALID_ARGUMENT, "CommitTxn needs a txn_id");
    }
    if (request.getSerializedSize() > maxWriteBytes) {
      throw new CesiumException(
          ErrorCode.INVALID_ARGUMENT,
          "commit of "
              + request.getSerializedSize()
              + " bytes exceeds the limit of "
              + maxWriteBytes);
    }
    for (Mutation m : request.getMutationsList()) {
      if (m.getOpCase() == Mutation.OpCase.OP_NOT_SET) {
        throw new CesiumException(ErrorCode.INVALID_ARGUMENT, "mutation without put or delete");
      }
      TabletMoves.requireInRange(replica.descriptor(), m.getKey());
    }
  }

  /**
   * The transaction's read locks here were taken under {@code read_term}; under another term they
   * are gone (locks live in the leader's memory), so what it read may have changed: abort.
   */
  private static void requireSameTerm(CommitTxnRequest request, TabletTxns tablet) {
    long readTerm = request.getReadTerm();
    if (readTerm != 0 && readTerm != tablet.term()) {
      String txnId = request.getTxn().getTxnId();
      throw CesiumException.retry(
          ErrorCode.TXN_ABORTED,
          "txn "
              + txnId
              + " read under leader term "
              + readTerm
              + ", the leader is now in term "
              + tablet.term()
              + ": its read locks were lost",
          new RetryHint.TxnAborted(txnId, AbortReason.LEADER_CHANGED));
    }
  }
}
