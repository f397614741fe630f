package io.cesiumdb.tablet.replication.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.cesiumdb.proto.tablet.ApplyWrites;
import io.cesiumdb.proto.tablet.Mutation;
import io.cesiumdb.proto.tablet.SplitRange;
import io.cesiumdb.proto.tablet.TabletCommand;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import io.cesiumdb.tablet.replication.PreparedTxns;
import io.cesiumdb.tablet.storage.InMemoryMvccStore;
import io.cesiumdb.tablet.storage.MvccWriteBatch;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApplyWritesHandlerTest {
  private static final long KS = 5;
  private final InMemoryMvccStore store = new InMemoryMvccStore();
  private final CommandDispatcher dispatcher = CommandDispatcher.standard();
  private final List<Long> regressions = new ArrayList<>();

  @Test
  void putsAndDeletesBecomeVersionsAtTheCommitTimestamp() {
    assertEquals(10, apply(writes(10, put("a", "1"), put("b", "2")), 0));
    assertEquals(20, apply(writes(20, delete("a")), 10));
    assertEquals("1", new String(store.read(KS, b("a"), 15).orElseThrow().value()));
    assertTrue(store.read(KS, b("a"), 20).isEmpty(), "tombstone at 20");
    assertEquals(10, store.read(KS, b("b"), 30).orElseThrow().ts());
    assertEquals(List.of(), regressions);
  }

  @Test
  void aTimestampNotAboveTheAppliedMaximumIsReported() {
    assertEquals(50, apply(writes(40, put("a", "1")), 50), "the applied max never decreases");
    assertEquals(List.of(40L), regressions);
  }

  @Test
  void anEmptyCommandChangesNothing() {
    assertEquals(7, apply(TabletCommand.getDefaultInstance(), 7));
  }

  @Test
  void aBatchWithAKeyOutsideTheRangeIsRefusedWhole() {
    ApplyOutcome outcome = outcome(writes(30, put("a", "1"), put("z", "2")), 10, "m");
    assertTrue(outcome.isRefused(), "z is right of the split at m");
    assertEquals(10, outcome.maxTs(), "a refused write does not advance the applied max");
    assertTrue(store.read(KS, b("a"), 40).isEmpty(), "nothing of a refused batch is applied");
  }

  @Test
  void aSplitStrictlyInsideTheRangeYieldsTwoHalvesWithHigherEpochs() {
    TabletCommand split =
        TabletCommand.newBuilder()
            .setSplitRange(
                SplitRange.newBuilder()
                    .setSplitKey(ByteString.copyFromUtf8("k"))
                    .setRightTabletId(9)
                    .setSplitTs(25))
            .build();
    ApplyOutcome outcome = outcome(split, 20, "");
    assertTrue(outcome.isSplit());
    assertEquals(25, outcome.maxTs());
    assertEquals("k", outcome.left().getEndKey().toStringUtf8());
    assertEquals(9, outcome.right().getTabletId());
    assertEquals("k", outcome.right().getStartKey().toStringUtf8());
    assertEquals("", outcome.right().getEndKey().toStringUtf8());
    assertEquals(2, outcome.left().getEpoch());
    assertEquals(2, outcome.right().getEpoch());
    assertTrue(outcome(split, 20, "k").isRefused(), "k is the end already: not strictly inside");
  }

  private long apply(TabletCommand command, long appliedMaxTs) {
    return outcome(command, appliedMaxTs, "").maxTs();
  }

  private ApplyOutcome outcome(TabletCommand command, long appliedMaxTs, String end) {
    TabletDescriptor d =
        TabletDescriptor.newBuilder()
            .setTabletId(1)
            .setKeyspace(KS)
            .setEndKey(ByteString.copyFromUtf8(end))
            .setEpoch(1)
            .build();
    ApplyContext ctx =
        new ApplyContext(1, d, 1, 1, appliedMaxTs, regressions::add, store, new PreparedTxns(1));
    try (MvccWriteBatch batch = store.newBatch()) {
      ApplyOutcome outcome = dispatcher.apply(command, ctx, batch);
      store.apply(batch);
      return outcome;
    }
  }

  private static TabletCommand writes(long ts, Mutation... ms) {
    return TabletCommand.newBuilder()
        .setApplyWrites(ApplyWrites.newBuilder().addAllMutations(List.of(ms)).setCommitTs(ts))
        .build();
  }

  private static Mutation put(String k, String v) {
    return Mutation.newBuilder()
        .setKey(ByteString.copyFromUtf8(k))
        .setPut(ByteString.copyFromUtf8(v))
        .build();
  }

  private static Mutation delete(String k) {
    return Mutation.newBuilder().setKey(ByteString.copyFromUtf8(k)).setDelete(true).build();
  }

  private static byte[] b(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
