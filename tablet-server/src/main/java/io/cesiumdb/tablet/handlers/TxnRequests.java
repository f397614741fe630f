package io.cesiumdb.tablet.handlers;

import com.google.protobuf.MessageLite;
import io.cesiumdb.common.error.AbortReason;
import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.common.error.RetryHint;
import io.cesiumdb.proto.tablet.Mutation;
import io.cesiumdb.tablet.replication.TabletMoves;
import io.cesiumdb.tablet.replication.TabletReplica;
import io.cesiumdb.tablet.txn.TabletTxns;
import java.util.List;

/** Checks shared by the requests that end a transaction here (CommitTxn, PrepareTxn). */
final class TxnRequests {
  private TxnRequests() {}

  /** A txn id, a size within the limit, and every mutation well-formed and in the range. */
  static void validate(
      String what,
      String txnId,
      MessageLite request,
      List<Mutation> mutations,
      TabletReplica replica,
      int maxWriteBytes) {
    if (txnId.isEmpty()) {
      throw new CesiumException(ErrorCode.INVALID_ARGUMENT, what + " needs a txn_id");
    }
    if (request.getSerializedSize() > maxWriteBytes) {
      throw new CesiumException(
          ErrorCode.INVALID_ARGUMENT,
          what
              + " of "
              + request.getSerializedSize()
              + " bytes exceeds the limit of "
              + maxWriteBytes);
    }
    for (Mutation m : mutations) {
      if (m.getOpCase() == Mutation.OpCase.OP_NOT_SET) {
        throw new CesiumException(ErrorCode.INVALID_ARGUMENT, "mutation without put or delete");
      }
      TabletMoves.requireInRange(replica.descriptor(), m.getKey());
    }
  }

  /**
   * The transaction's read locks here were taken under lock token {@code readTerm} (the {@code
   * txn_term} its first read here answered); if its locks are now held under another token, or not
   * at all, they were released in between (a leader change, a wound, an idle expiry), so what it
   * read may have changed: abort.
   */
  static void requireSameTerm(String txnId, long readTerm, TabletTxns tablet) {
    long now = tablet.lockToken(txnId);
    if (readTerm != 0 && readTerm != now) {
      throw CesiumException.retry(
          ErrorCode.TXN_ABORTED,
          "txn "
              + txnId
              + " read under lock token "
              + readTerm
              + ", its locks here are now "
              + (now == 0 ? "gone" : "held under token " + now)
              + " (leader term "
              + tablet.term()
              + "): its read locks were lost",
          new RetryHint.TxnAborted(
              txnId,
              (readTerm >>> 40) == tablet.term()
                  ? AbortReason.ABANDONED
                  : AbortReason.LEADER_CHANGED));
    }
  }
}
