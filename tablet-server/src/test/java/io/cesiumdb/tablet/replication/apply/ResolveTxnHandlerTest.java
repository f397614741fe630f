package io.cesiumdb.tablet.replication.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.cesiumdb.proto.tablet.Mutation;
import io.cesiumdb.proto.tablet.PrepareTxn;
import io.cesiumdb.proto.tablet.ResolveTxn;
import io.cesiumdb.proto.tablet.TabletCommand;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import io.cesiumdb.proto.tablet.TxnOutcome;
import io.cesiumdb.tablet.replication.PreparedTxns;
import io.cesiumdb.tablet.storage.InMemoryMvccStore;
import io.cesiumdb.tablet.storage.MvccWriteBatch;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What a participant's resolve applies, and how far it moves the applied max timestamp. */
class ResolveTxnHandlerTest {
  private static final long KS = 5;
  private final InMemoryMvccStore store = new InMemoryMvccStore();
  private final CommandDispatcher dispatcher = CommandDispatcher.standard();
  private final PreparedTxns prepared = new PreparedTxns(1);

  @Test
  void aCommitWritesAtTheCommitTimestamp() {
    apply(prepare("t1", 120), 100);
    assertEquals(130, apply(resolve("t1", TxnOutcome.COMMITTED, 130), 100));
    assertEquals("v", new String(store.read(KS, b("k"), 130).orElseThrow().value(), UTF8));
  }

  @Test
  void anAbortWritesNothingButEverythingUpToThePrepareIsApplied() {
    apply(prepare("t1", 120), 100);
    assertEquals(120, apply(resolve("t1", TxnOutcome.ABORTED, 0), 100));
    assertTrue(store.read(KS, b("k"), 1_000).isEmpty(), "an abort writes nothing");
    assertEquals(150, apply(resolve("t1", TxnOutcome.ABORTED, 0), 150), "never lowers it");
  }

  @Test
  void resolvingATxnNotPreparedHereChangesNothing() {
    assertEquals(100, apply(resolve("ghost", TxnOutcome.ABORTED, 0), 100));
    assertEquals(100, apply(resolve("ghost", TxnOutcome.COMMITTED, 300), 100));
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  private long apply(TabletCommand command, long appliedMaxTs) {
    TabletDescriptor d =
        TabletDescriptor.newBuilder().setTabletId(1).setKeyspace(KS).setEpoch(1).build();
    ApplyContext ctx = new ApplyContext(1, d, 1, 1, appliedMaxTs, ts -> {}, store, prepared);
    try (MvccWriteBatch batch = store.newBatch()) {
      ApplyOutcome outcome = dispatcher.apply(command, ctx, batch);
      store.apply(batch);
      return outcome.maxTs();
    }
  }

  private static TabletCommand prepare(String txnId, long ts) {
    Mutation put =
        Mutation.newBuilder()
            .setKey(ByteString.copyFromUtf8("k"))
            .setPut(ByteString.copyFromUtf8("v"))
            .build();
    return TabletCommand.newBuilder()
        .setPrepareTxn(PrepareTxn.newBuilder().setTxnId(txnId).setPrepareTs(ts).addMutations(put))
        .build();
  }

  private static TabletCommand resolve(String txnId, TxnOutcome outcome, long commitTs) {
    return TabletCommand.newBuilder()
        .setResolveTxn(
            ResolveTxn.newBuilder().setTxnId(txnId).setOutcome(outcome).setCommitTs(commitTs))
        .build();
  }

  private static byte[] b(String s) {
    return s.getBytes(UTF8);
  }
}
