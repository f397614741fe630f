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
 * <p>Records are kept for the life of the tablet (a participant may ask about a transaction long
 * after it ended); collecting them is future work, noted in the design.
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

  public static void write(MvccWriteBatch batch, long tabletId, TxnDecision decision) {
    byte[] value = decision.toBuilder().clearMutations().build().toByteArray();
    batch.putMeta(tabletId, PREFIX + decision.getTxnId(), value);
  }
}
