package io.cesiumdb.tablet;

import static io.cesiumdb.tablet.cluster.TabletClient.put;
import static io.cesiumdb.tablet.cluster.TxnMessages.commit;
import static io.cesiumdb.tablet.cluster.TxnMessages.txn;
import static io.cesiumdb.tablet.cluster.TxnMessages.txnRead;
import static io.cesiumdb.tablet.cluster.TxnMessages.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.util.concurrent.ListenableFuture;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.tablet.AbortTxnRequest;
import io.cesiumdb.proto.tablet.CommitTxnResponse;
import io.cesiumdb.proto.tablet.Mutation;
import io.cesiumdb.proto.tablet.PrepareTxnRequest;
import io.cesiumdb.proto.tablet.PrepareTxnResponse;
import io.cesiumdb.proto.tablet.ReadResponse;
import io.cesiumdb.proto.tablet.ResolveTxnRequest;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import io.cesiumdb.proto.tablet.TxnContext;
import io.cesiumdb.proto.tablet.TxnOutcome;
import io.cesiumdb.tablet.cluster.Poll;
import io.cesiumdb.tablet.cluster.TabletClient;
import io.cesiumdb.tablet.cluster.TestCluster;
import io.cesiumdb.tablet.cluster.TestNode;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three shapes of PrepareTxn at a participant leader, over raw gRPC on a 3-node cluster: the
 * lock round ({@code lock_only}: EXCLUSIVE locks, still woundable, nothing logged), the read
 * validation (no mutations: read locks pinned, nothing logged) and the prepare proper (logged, so
 * it holds the safe time back until resolved); and a transactional read, which waits for its lock
 * but not for an unrelated prepared transaction.
 */
class PrepareShapesIT {
  private static final long LOCK_ONLY = 11;
  private static final long VALIDATE = 12;
  private static final long UNRELATED = 13;

  @TempDir static Path root;
  private static TestCluster cluster;
  private static TabletClient client;

  @BeforeAll
  static void start() {
    cluster = TestCluster.start(root, 3, RaftTuning.forTests());
    cluster.createTablets(
        List.of(LOCK_ONLY, VALIDATE, UNRELATED).stream()
            .map(id -> cluster.descriptor(id, id, "", "", cluster.nodes()))
            .toList());
    client = cluster.client();
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @Test
  void theLockRoundLogsNothingAndLeavesTheTxnWoundable() throws Exception {
    long t = LOCK_ONLY;
    client.write(t, put("x", "1"));
    TestNode leader = cluster.leader(t);
    TxnContext young = txn("lock-young", 200);
    PrepareTxnResponse locked =
        leader.stub().prepareTxn(prepare(t, young, true, put("x", "2")).build());
    assertEquals("", locked.getError().getCode(), locked.toString());
    assertEquals(0, locked.getPrepareTs(), "the lock round answers no timestamp");
    assertEquals(List.of(), leader.server().preparedTxnIds(t), "and logs no prepare record");

    ListenableFuture<CommitTxnResponse> older =
        leader.futureStub().commitTxn(commit(t, txn("lock-old", 100), put("x", "3")));
    Poll.until(
        TestCluster.AWAIT,
        "the older commit to wound the younger",
        () -> older.isDone() || waiters(leader, t) == 1);
    PrepareTxnResponse late =
        leader.stub().prepareTxn(prepare(t, young, false, put("x", "2")).build());
    assertEquals(ErrorCode.TXN_WOUNDED.id(), late.getError().getCode(), "wounded: " + late);
    assertEquals("", older.get(15, TimeUnit.SECONDS).getError().getCode(), "the older commits");
    assertEquals("3", value(client.read(t, "x", 0)));
  }

  @Test
  void aReadValidationPinsTheReadLocksWithoutLogging() throws Exception {
    long t = VALIDATE;
    client.write(t, put("r", "1"));
    TestNode leader = cluster.leader(t);
    TxnContext reader = txn("validate-young", 200);
    assertEquals("1", value(leader.stub().read(txnRead(t, reader, "r"))));
    PrepareTxnResponse pinned = leader.stub().prepareTxn(prepare(t, reader, false).build());
    assertEquals("", pinned.getError().getCode(), pinned.toString());
    assertEquals(0, pinned.getPrepareTs());
    assertEquals(List.of(), leader.server().preparedTxnIds(t), "a validation logs nothing");

    ListenableFuture<CommitTxnResponse> older =
        leader.futureStub().commitTxn(commit(t, txn("validate-old", 100), put("r", "2")));
    Poll.until(TestCluster.AWAIT, "the older commit waits", () -> waiters(leader, t) == 1);
    assertFalse(older.isDone(), "a pinned read lock is not wounded: the older txn waits");
    leader
        .stub()
        .abortTxn(AbortTxnRequest.newBuilder().setTabletId(t).setTxnId("validate-young").build());
    assertEquals("", older.get(15, TimeUnit.SECONDS).getError().getCode());

    PrepareTxnResponse nothingHeld =
        leader.stub().prepareTxn(prepare(t, txn("validate-none", 300), false).build());
    assertEquals(ErrorCode.TXN_ABORTED.id(), nothingHeld.getError().getCode(), "no locks held");
  }

  @Test
  void aTxnReadIsNotHeldUpByAnUnrelatedPreparedTxn() throws Exception {
    long t = UNRELATED;
    client.write(t, put("a", "1"), put("p", "1"));
    TestNode leader = cluster.leader(t);
    TxnContext prepared = txn("unrelated-prepared", 100);
    PrepareTxnResponse p =
        leader.stub().prepareTxn(prepare(t, prepared, false, put("p", "2")).build());
    assertTrue(p.getPrepareTs() > 0, p.toString());
    assertEquals(List.of("unrelated-prepared"), leader.server().preparedTxnIds(t));

    ReadResponse read =
        leader
            .stub()
            .withDeadlineAfter(5, TimeUnit.SECONDS)
            .read(txnRead(t, txn("unrelated-reader", 200), "a"));
    assertEquals("1", value(read), "served while the other txn is still prepared");
    assertEquals(List.of("unrelated-prepared"), leader.server().preparedTxnIds(t));

    leader
        .stub()
        .resolveTxn(
            ResolveTxnRequest.newBuilder()
                .setTabletId(t)
                .setTxnId("unrelated-prepared")
                .setOutcome(TxnOutcome.ABORTED)
                .build());
    assertEquals(List.of(), leader.server().preparedTxnIds(t));
    assertEquals("1", value(client.read(t, "p", 0)), "the aborted prepare wrote nothing");
  }

  private static int waiters(TestNode leader, long tabletId) {
    return leader.server().lockWaiters(tabletId);
  }

  private static PrepareTxnRequest.Builder prepare(
      long tabletId, TxnContext txn, boolean lockOnly, Mutation... mutations) {
    TabletDescriptor self = cluster.descriptor(tabletId, tabletId, "", "", cluster.nodes());
    return PrepareTxnRequest.newBuilder()
        .setTabletId(tabletId)
        .setTxn(txn)
        .addAllMutations(List.of(mutations))
        .setCoordinator(self)
        .setLockOnly(lockOnly);
  }
}
