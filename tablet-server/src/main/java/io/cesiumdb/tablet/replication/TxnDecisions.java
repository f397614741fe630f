package io.cesiumdb.tablet.replication;

import com.google.protobuf.InvalidProtocolBufferException;
import io.cesiumdb.proto.tablet.TxnDecision;
import io.cesiumdb.tablet.storage.MvccReadView;
import io.cesiumdb.tablet.storage.MvccWriteBatch;
import io.cesiumdb.tablet.storage.StorageException;
import java.util.Optional;

/**
 * The outcomes a coordinator tablet decided for two-phase-commit transactions
 * (docs/design/transactions.md §3.6, §4): one meta entry per transaction, {@value #PREFIX} + txn
 * id, holding the {@code TxnDecision} without its writes. Written in the batch of the decision's
 * log entry, so every replica has it at the same index and a new leader answers {@code TxnStatus}
 * from it. The first decision of a transaction is final.
 *
 * <p>A record is kept until the client that committed the transaction heard every participant
 * acknowledge the outcome: it then asks the coordinator tablet to forget it ({@code
 * ForgetTxnDecisions}, batched). Records of transactions whose client died before that, of aborted
 * transactions, and of tablets split since the decision are kept (transactions.md §9).
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
