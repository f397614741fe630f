package io.cesiumdb.tablet.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.tablet.PrepareTxn;
import io.cesiumdb.tablet.replication.ReplicaMeta.Applied;
import io.cesiumdb.tablet.replication.TimestampOracle.ReadPoint;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.apache.ratis.protocol.Message;
import org.junit.jupiter.api.Test;

/**
 * What a leader read at an explicit timestamp waits for, on a leader that has just taken over: it
 * appended nothing yet, and its predecessor left transactions prepared (consistency.md items 3, 7).
 */
class LeaderReadTest {
  private static final long READ_TS = 200;

  private final AppliedState applied = new AppliedState();
  private final Map<String, Long> prepared = new TreeMap<>();

  /** The replica applies an entry: new max timestamp, and what is still prepared. */
  private void apply(long index, long maxTs) {
    long min = prepared.values().stream().mapToLong(Long::longValue).min().orElse(Long.MAX_VALUE);
    applied.set(new Applied(2, index, maxTs), min);
  }

  private CompletableFuture<Message> readAtNewLeader() {
    applied.setLease(READ_TS + 500);
    // A new leader: nothing appended in its term, so its own wait target says nothing.
    ReadPoint point = new ReadPoint(READ_TS, 0, READ_TS);
    LeaderRead<Long> read =
        new LeaderRead<>(
            point,
            (store, ts) -> ts,
            () -> true,
            () -> new CesiumException(ErrorCode.NOT_LEADER, "no"),
            this::preparedUpTo);
    return read.execute(applied, null, Runnable::run);
  }

  private long preparedUpTo(long ts) {
    return prepared.values().stream()
        .mapToLong(Long::longValue)
        .filter(p -> p <= ts)
        .max()
        .orElse(0);
  }

  @Test
  void aReadWaitsForEveryTransactionPreparedAtOrBelowItNotOnlyTheLowest() {
    prepared.put("a", 120L);
    prepared.put("b", 150L);
    apply(10, 100);

    CompletableFuture<Message> read = readAtNewLeader();
    assertFalse(read.isDone(), "two transactions prepared below the read");

    prepared.remove("a");
    apply(11, 130); // a resolved, committed at 130
    assertFalse(
        read.isDone(), "b, prepared at 150, may commit at or below 200: its writes are due");

    prepared.remove("b");
    apply(12, 160); // b resolved, committed at 160
    assertTrue(read.isDone());
    assertEquals(READ_TS, (Long) ((LocalMessage) read.join()).value());
  }

  @Test
  void transactionsPreparedAboveTheReadDoNotHoldItBack() {
    prepared.put("late", 250L);
    apply(10, 100);

    CompletableFuture<Message> read = readAtNewLeader();

    assertTrue(read.isDone(), "a transaction prepared at 250 commits above 200");
  }

  @Test
  void preparedTxnsAnswerTheHighestPrepareAtOrBelowATimestamp() {
    PreparedTxns txns = new PreparedTxns(7);
    assertEquals(0, txns.maxPrepareTsUpTo(1_000));
    var store = new io.cesiumdb.tablet.storage.InMemoryMvccStore();
    try (var batch = store.newBatch()) {
      txns.stageAdd(PrepareTxn.newBuilder().setTxnId("a").setPrepareTs(120).build(), batch);
      txns.stageAdd(PrepareTxn.newBuilder().setTxnId("b").setPrepareTs(150).build(), batch);
      txns.publish();
    }
    assertEquals(0, txns.maxPrepareTsUpTo(119));
    assertEquals(120, txns.maxPrepareTsUpTo(149));
    assertEquals(150, txns.maxPrepareTsUpTo(200));
  }
}
