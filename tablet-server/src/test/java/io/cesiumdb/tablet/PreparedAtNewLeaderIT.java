package io.cesiumdb.tablet;

import static io.cesiumdb.tablet.cluster.TabletClient.put;
import static io.cesiumdb.tablet.cluster.TxnMessages.commit;
import static io.cesiumdb.tablet.cluster.TxnMessages.txn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.util.concurrent.ListenableFuture;
import com.google.protobuf.ByteString;
import io.cesiumdb.proto.tablet.CommitTxnResponse;
import io.cesiumdb.proto.tablet.Mutation;
import io.cesiumdb.proto.tablet.PrepareTxnRequest;
import io.cesiumdb.proto.tablet.PrepareTxnResponse;
import io.cesiumdb.proto.tablet.ReadConsistency;
import io.cesiumdb.proto.tablet.ReadRequest;
import io.cesiumdb.proto.tablet.ReadResponse;
import io.cesiumdb.proto.tablet.ResolveTxnRequest;
import io.cesiumdb.proto.tablet.ResolveTxnResponse;
import io.cesiumdb.proto.tablet.TxnContext;
import io.cesiumdb.proto.tablet.TxnOutcome;
import io.cesiumdb.tablet.cluster.TestCluster;
import io.cesiumdb.tablet.cluster.TestNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Consistency items 3 and 7 at the tablet level, over raw gRPC on a 3-node cluster: two
 * transactions prepared at a participant, committed at their coordinator, then the participant's
 * leadership moves (as when a fenced node sheds its leaderships). A snapshot read at the new leader
 * at the later commit timestamp must show both transactions' writes: it waits until both are
 * resolved here, not only the first. And a read waiting for a prepared transaction is served as
 * soon as it aborts, on a tablet that logs nothing else (safe-time ticks are off here).
 */
class PreparedAtNewLeaderIT {
  private static final long PARTICIPANT = 21;
  private static final long COORDINATOR = 22;
  private static final long QUIET = 23;

  @TempDir static Path root;
  private static TestCluster cluster;

  @BeforeAll
  static void start() {
    // No safe-time ticks: a read may only be released by what the transactions themselves log.
    cluster =
        TestCluster.start(
            root, 3, RaftTuning.forTests(), c -> c.withSafeTimeInterval(Duration.ofHours(1)));
    cluster.createTablets(
        List.of(PARTICIPANT, COORDINATOR, QUIET).stream()
            .map(id -> cluster.descriptor(id, id, "", "", cluster.nodes()))
            .toList());
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @Test
  void aReadAtTheNewLeaderWaitsForEveryTransactionItsPredecessorPrepared() throws Exception {
    TestNode old = cluster.leader(PARTICIPANT);
    long pa = prepare(old, txn("item7-a", 100), put("a", "1"));
    long pb = prepare(old, txn("item7-b", 200), put("b", "1"));
    assertTrue(pa < pb, pa + " < " + pb);
    long ca = decide(txn("item7-a", 100), pa);
    long cb = decide(txn("item7-b", 200), pb);

    TestNode next = cluster.transferLeader(PARTICIPANT, old);
    ListenableFuture<ReadResponse> read = next.futureStub().read(snapshotRead("b", cb));

    resolve(next, "item7-a", ca);
    boolean doneAfterFirst = read.isDone();
    boolean secondStillPrepared = next.server().preparedTxnIds(PARTICIPANT).contains("item7-b");
    assertFalse(
        doneAfterFirst && secondStillPrepared,
        "the read at " + cb + " ran while item7-b, prepared at " + pb + ", was unresolved");

    resolve(next, "item7-b", cb);
    ReadResponse r = read.get(20, TimeUnit.SECONDS);
    assertEquals("", r.getError().getCode(), r.getError().toString());
    assertTrue(r.getFound(), "item7-b committed at " + cb + " is in the snapshot at " + cb);
  }

  /**
   * A read that waits for a prepared transaction is served once it aborts: everything up to the
   * prepare timestamp is applied then, though nothing was written (it used to wait for the quiet
   * tablet's next write or safe-time tick).
   */
  @Test
  void aReadWaitingForATransactionThatAbortsIsServedAtTheAbort() throws Exception {
    TestNode leader = cluster.leader(QUIET);
    long p = prepare(leader, QUIET, txn("quiet-a", 100), put("q", "1"));
    ListenableFuture<ReadResponse> read = leader.futureStub().read(snapshotRead(QUIET, "q", p));

    resolve(leader, QUIET, "quiet-a", TxnOutcome.ABORTED, 0);

    ReadResponse r = read.get(20, TimeUnit.SECONDS);
    assertEquals("", r.getError().getCode(), r.getError().toString());
    assertFalse(r.getFound(), "the aborted transaction wrote nothing");
  }

  private static long prepare(TestNode leader, TxnContext txn, Mutation m) {
    return prepare(leader, PARTICIPANT, txn, m);
  }

  private static long prepare(TestNode leader, long tabletId, TxnContext txn, Mutation m) {
    PrepareTxnResponse p =
        leader
            .stub()
            .prepareTxn(
                PrepareTxnRequest.newBuilder()
                    .setTabletId(tabletId)
                    .setTxn(txn)
                    .addMutations(m)
                    .setCoordinator(
                        cluster.descriptor(COORDINATOR, COORDINATOR, "", "", cluster.nodes()))
                    .build());
    assertEquals("", p.getError().getCode(), p.toString());
    return p.getPrepareTs();
  }

  /** The coordinator logs COMMITTED (no writes of its own) at a timestamp above the prepare. */
  private static long decide(TxnContext txn, long prepareTs) {
    CommitTxnResponse c =
        cluster
            .leader(COORDINATOR)
            .stub()
            .commitTxn(
                commit(COORDINATOR, txn).toBuilder()
                    .addParticipantTabletIds(PARTICIPANT)
                    .setMinCommitTs(prepareTs)
                    .build());
    assertEquals("", c.getError().getCode(), c.toString());
    return c.getCommitTs();
  }

  private static void resolve(TestNode leader, String txnId, long commitTs) {
    resolve(leader, PARTICIPANT, txnId, TxnOutcome.COMMITTED, commitTs);
  }

  private static void resolve(
      TestNode leader, long tabletId, String txnId, TxnOutcome outcome, long commitTs) {
    ResolveTxnResponse r =
        leader
            .stub()
            .resolveTxn(
                ResolveTxnRequest.newBuilder()
                    .setTabletId(tabletId)
                    .setTxnId(txnId)
                    .setOutcome(outcome)
                    .setCommitTs(commitTs)
                    .build());
    assertEquals("", r.getError().getCode(), r.toString());
  }

  private static ReadRequest snapshotRead(String key, long readTs) {
    return snapshotRead(PARTICIPANT, key, readTs);
  }

  private static ReadRequest snapshotRead(long tabletId, String key, long readTs) {
    return ReadRequest.newBuilder()
        .setTabletId(tabletId)
        .setKey(ByteString.copyFromUtf8(key))
        .setConsistency(ReadConsistency.SNAPSHOT)
        .setReadTs(readTs)
        .build();
  }
}
