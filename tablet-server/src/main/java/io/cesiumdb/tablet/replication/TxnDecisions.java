package io.cesiumdb.tablet.replication;

import com.google.protobuf.InvalidProtocolBufferException;
import io.cesiumdb.proto.tablet.TxnDecision;
import io.cesiumdb.tablet.storage.MvccReadView;
import io.cesiumdb.tablet.storage.MvccWriteBatch;
import io.cesiumdb.tablet.storage.StorageException;
import java.util.Optional;

/**
 * The outcomes a tablet decided for the transactions it coordinated: two-phase commits
 * (docs/design/transactions.md §3.6, §4) and single-tablet commits (§3.5): one meta entry per
 * transaction, {@value #PREFIX} + txn id, holding the {@code TxnDecision} without its writes.
 * Written in the batch of the decision's log entry, so every replica has it at the same index and a
 * new leader answers {@code TxnStatus} from it. The first decision of a transaction is final.
 *
 * <p>A record is kept until the client that committed the transaction heard every participant
 * acknowledge the outcome (a single-tablet commit has none: once it answered) and asks the tablet
 * to forget it ({@code ForgetTxnDecisions}, batched, routed by the tablet's start key, which a
 * split leaves with this id). Records of transactions whose client died before that, and of aborted
 * transactions, are kept (transactions.md §9).
 */
public final class TxnDecisions {
  static final String PREFIX = "txn_decision/";

  private TxnDecisions() {}

  public static Optional<TxnDecision> read(MvccReadView store, long tabletId, String txnId) {
    Optional<byte[]> bytes = store.getMeta(tabletId, PREFIX + txnId).filter(b -> b.length > 0);
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(TxnDecision.parseFrom(bytes.get()));
    } catch (InvalidProtocolBufferException e) {
      throw new StorageException("corrupt decision of txn " + txnId + " at " + tabletId, e);
    }
  }

  /** Removes the record of {@code txnId}, if any, in {@code batch}. */
  public static void forget(MvccWriteBatch batch, long tabletId, String txnId) {
    batch.deleteMeta(tabletId, PREFIX + txnId);
  }

  public static void write(MvccWriteBatch batch, long tabletId, TxnDecision decision) {
    byte[] value = decision.toBuilder().clearMutations().build().toByteArray();
    batch.putMeta(tabletId, PREFIX + decision.getTxnId(), value);
  }
}
