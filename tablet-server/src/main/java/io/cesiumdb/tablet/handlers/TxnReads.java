package io.cesiumdb.tablet.handlers;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.tablet.ReadConsistency;
import io.cesiumdb.proto.tablet.TxnContext;
import io.cesiumdb.tablet.replication.ReadFn;
import io.cesiumdb.tablet.replication.TabletReplica;
import io.cesiumdb.tablet.txn.TxnManager;
import io.cesiumdb.tablet.txn.locks.LockSpan;
import io.cesiumdb.tablet.txn.locks.TxnLockRequest;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

/**
 * A read inside a read-write transaction (Read or Scan with a TxnContext): a SHARED lock on the key
 * or range through the leader's lock table, then a read at the applied state under that lock, not
 * held up by unrelated prepared transactions (design §3.2). Only LEADER consistency with read_ts 0
 * makes sense: the lock protects the latest data, not a snapshot.
 */
final class TxnReads {
  private TxnReads() {}

  static void validate(TxnContext txn, ReadConsistency consistency, long readTs) {
    if (txn.getTxnId().isEmpty()) {
      throw new CesiumException(ErrorCode.INVALID_ARGUMENT, "a txn read needs a txn_id");
    }
    if (consistency != ReadConsistency.LEADER || readTs != 0) {
      throw new CesiumException(
          ErrorCode.INVALID_ARGUMENT, "a txn read needs LEADER consistency and read_ts 0");
    }
  }

  /**
   * Locks {@code span} SHARED for the txn, then reads at the leader at now; {@code withTerm} stamps
   * the answer with the token its locks are held under ({@link
   * io.cesiumdb.tablet.txn.TabletTxns#lockToken}; the client hands it back at commit). The token is
   * taken when the lock is granted and must still hold when the read is answered ({@link
   * io.cesiumdb.tablet.txn.TabletTxns#requireToken}): a lock lost while the read ran (a wound, an
   * expiry, a leader change) fails the read. Reading the token only after the read answered 0 in
   * that case, and the client took 0 for "read nothing here", so its commit skipped the check that
   * its read locks were still held (a lost update in the long consistency run, consistency.md item
   * 8).
   */
  static <T> CompletableFuture<T> lockedRead(
      TxnManager txns,
      TabletReplica replica,
      TxnContext txn,
      LockSpan span,
      ReadFn<T> read,
      BiFunction<T, Long, T> withTerm) {
    TxnLockRequest shared = TxnLockRequest.shared(txn.getTxnId(), txn.getPriorityTs(), span);
    return txns.forReadyLeader(replica)
        .thenCompose(
            table ->
                table
                    .lock(shared)
                    .thenCompose(
                        v -> {
                          long token = table.lockToken(txn.getTxnId());
                          return replica
                              .lockedRead(read)
                              .thenApply(
                                  r ->
                                      withTerm.apply(r, table.requireToken(txn.getTxnId(), token)));
                        }));
  }
}
