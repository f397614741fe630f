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
import com.google.protobuf.ByteString;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.errors.ErrorDetail;
import io.cesiumdb.proto.tablet.AbortTxnRequest;
import io.cesiumdb.proto.tablet.CommitTxnResponse;
import io.cesiumdb.proto.tablet.ForgetTxnDecisionsRequest;
import io.cesiumdb.proto.tablet.ReadConsistency;
import io.cesiumdb.proto.tablet.ReadRequest;
import io.cesiumdb.proto.tablet.ReadResponse;
import io.cesiumdb.proto.tablet.Row;
import io.cesiumdb.proto.tablet.ScanRequest;
import io.cesiumdb.proto.tablet.ScanResponse;
import io.cesiumdb.proto.tablet.TouchTxnRequest;
import io.cesiumdb.proto.tablet.TxnContext;
import io.cesiumdb.proto.tablet.TxnOutcome;
import io.cesiumdb.proto.tablet.TxnStatusRequest;
import io.cesiumdb.proto.tablet.TxnStatusResponse;
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
 * Single-tablet read-write transactions over raw gRPC, with interleavings built on purpose: shared
 * locks on reads and scans, exclusive locks at commit, wound-wait (older wounds younger, younger
 * waits). Each scenario has its own tablet (and keyspace) on one 3-node cluster. Waiting is
 * observed through {@link io.cesiumdb.tablet.TabletServer#lockWaiters}, never by sleeping.
 */
class TxnIsolationIT {
  private static final long LOST_UPDATE = 1;
  private static final long PHANTOM = 2;
  private static final long WRITE_SKEW = 3;
  private static final long ABORT = 4;
  private static final long LEADER_CHANGE = 5;
  private static final long DECISIONS = 6;

  @TempDir static Path root;
  private static TestCluster cluster;
  private static TabletClient client;

  @BeforeAll
  static void start() {
    cluster = TestCluster.start(root, 3, RaftTuning.forTests());
    cluster.createTablets(
        List.of(LOST_UPDATE, PHANTOM, WRITE_SKEW, ABORT, LEADER_CHANGE, DECISIONS).stream()
            .map(id -> cluster.descriptor(id, id, "", "", cluster.nodes()))
            .toList());
    client = cluster.client();
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @Test
  void lostUpdateIsPreventedAndTheWoundedTxnRetriesOnTheNewValue() throws Exception {
    long t = LOST_UPDATE;
    client.write(t, put("x", "10"));
    TestNode leader = cluster.leader(t);
    TxnContext t1 = txn("t1", 100);
    TxnContext t2 = txn("t2", 200);
    assertEquals("10", value(read(leader, t, t1, "x")));
    assertEquals("10", value(read(leader, t, t2, "x")));

    ListenableFuture<CommitTxnResponse> t2Commit =
        leader.futureStub().commitTxn(commit(t, t2, put("x", "11")));
    awaitWaiters(leader, t, 1); // T2 (younger) waits for T1's shared lock
    touch(leader, t, t1);
    assertFalse(t2Commit.isDone(), "T2's commit waits while T1 is open");

    CommitTxnResponse c1 = leader.stub().commitTxn(commit(t, t1, put("x", "11")));
    assertEquals("", c1.getError().getCode(), "T1 (older) wounds T2 and commits: " + c1);
    ErrorDetail e2 = t2Commit.get(15, TimeUnit.SECONDS).getError();
    assertEquals(ErrorCode.TXN_WOUNDED.id(), e2.getCode(), e2.toString());
    assertEquals("t2", e2.getTxnAborted().getTxnId());
    assertEquals("11", value(client.read(t, "x", 0)));

    TxnContext retry = txn("t2-retry", 200); // a new attempt keeps its priority
    assertEquals("11", value(read(leader, t, retry, "x")));
    CommitTxnResponse c2 = leader.stub().commitTxn(commit(t, retry, put("x", "12")));
    assertEquals("", c2.getError().getCode(), c2.toString());
    assertTrue(c2.getCommitTs() > c1.getCommitTs());
    assertEquals("12", value(client.read(t, "x", 0)));
  }

  @Test
  void aScannedRangeTakesNoInsertUntilTheScanningTxnEnds() throws Exception {
    long t = PHANTOM;
    client.write(t, put("a1", "v"), put("c1", "v"));
    TestNode leader = cluster.leader(t);
    TxnContext t1 = txn("p1", 100);
    TxnContext t2 = txn("p2", 200);
    assertEquals(List.of("a1"), keys(scan(leader, t, t1, "a", "c")));

    ListenableFuture<CommitTxnResponse> insert =
        leader.futureStub().commitTxn(commit(t, t2, put("b", "phantom")));
    awaitWaiters(leader, t, 1);
    assertEquals(List.of("a1"), keys(scan(leader, t, t1, "a", "c")), "no phantom for T1");
    assertFalse(insert.isDone(), "the insert waits while T1 is open");

    CommitTxnResponse c1 = leader.stub().commitTxn(commit(t, t1));
    assertEquals("", c1.getError().getCode(), c1.toString());
    CommitTxnResponse c2 = insert.get(15, TimeUnit.SECONDS);
    assertEquals("", c2.getError().getCode(), c2.toString());
    assertTrue(c2.getCommitTs() > c1.getCommitTs(), "the insert commits after T1's end");
    assertEquals("phantom", value(client.read(t, "b", 0)));
  }

  @Test
  void writeSkewOnOneTabletAbortsOneOfTheTwo() throws Exception {
    long t = WRITE_SKEW;
    client.write(t, put("x", "0"), put("y", "0"));
    TestNode leader = cluster.leader(t);
    TxnContext t1 = txn("s1", 100);
    TxnContext t2 = txn("s2", 200);
    for (TxnContext txn : List.of(t1, t2)) {
      assertEquals("0", value(read(leader, t, txn, "x")));
      assertEquals("0", value(read(leader, t, txn, "y")));
    }
    // Each saw x + y = 0 and sets the other key to 1: both committing would make x + y = 2.
    ListenableFuture<CommitTxnResponse> f1 =
        leader.futureStub().commitTxn(commit(t, t1, put("y", "1")));
    ListenableFuture<CommitTxnResponse> f2 =
        leader.futureStub().commitTxn(commit(t, t2, put("x", "1")));
    ErrorDetail e1 = f1.get(15, TimeUnit.SECONDS).getError();
    ErrorDetail e2 = f2.get(15, TimeUnit.SECONDS).getError();

    assertEquals("", e1.getCode(), "the older txn commits: " + e1);
    assertEquals(ErrorCode.TXN_WOUNDED.id(), e2.getCode(), "the younger is wounded: " + e2);
    int sum =
        Integer.parseInt(value(client.read(t, "x", 0)))
            + Integer.parseInt(value(client.read(t, "y", 0)));
    assertEquals(1, sum);
  }

  @Test
  void abortReleasesLocksAndTxnReadsNeedTheLeaderAtNow() throws Exception {
    long t = ABORT;
    TestNode leader = cluster.leader(t);
    TxnContext reader = txn("r1", 100);
    read(leader, t, reader, "k");
    ListenableFuture<CommitTxnResponse> writer =
        leader.futureStub().commitTxn(commit(t, txn("w1", 200), put("k", "v")));
    awaitWaiters(leader, t, 1);
    touch(leader, t, txn("never-seen", 1)); // unknown here: answered OK
    TestNode follower = cluster.followers(t).get(0);
    AbortTxnRequest abort = AbortTxnRequest.newBuilder().setTabletId(t).setTxnId("r1").build();
    assertEquals(
        ErrorCode.NOT_LEADER.id(),
        follower.stub().abortTxn(abort).getError().getCode(),
        "a follower holds no locks: it sends the client to the leader instead of answering OK");
    assertEquals(1, leader.server().lockWaiters(t), "the abort at the follower released nothing");
    leader.stub().abortTxn(AbortTxnRequest.newBuilder().setTabletId(t).setTxnId("r1").build());
    assertEquals("", writer.get(15, TimeUnit.SECONDS).getError().getCode());

    ReadRequest snapshot =
        txnRead(t, reader, "k").toBuilder().setConsistency(ReadConsistency.SNAPSHOT).build();
    assertEquals(
        ErrorCode.INVALID_ARGUMENT.id(), leader.stub().read(snapshot).getError().getCode());
    ReadResponse atFollower = follower.stub().read(txnRead(t, reader, "k"));
    assertEquals(ErrorCode.NOT_LEADER.id(), atFollower.getError().getCode());
  }

  /**
   * Read locks live in the leader's memory: a txn that read under one leader and commits at the
   * next (its locks gone, the data possibly changed meanwhile) is aborted, not committed.
   */
  @Test
  void aCommitAfterALeaderChangeLosesItsReadLocksAndAborts() throws Exception {
    long t = LEADER_CHANGE;
    client.write(t, put("k", "1"));
    TestNode first = cluster.leader(t);
    TxnContext txn = txn("lc1", 100);
    long readTerm = read(first, t, txn, "k").getTxnTerm();
    assertTrue(readTerm > 0, "a txn read answers the term of its lock table");

    TestNode next = cluster.transferLeader(t, first);
    CommitTxnResponse late =
        next.stub()
            .commitTxn(commit(t, txn, put("k", "2")).toBuilder().setReadTerm(readTerm).build());
    assertEquals(
        ErrorCode.TXN_ABORTED.id(), late.getError().getCode(), late.getError().getMessage());
    assertEquals("1", value(client.read(t, "k", 0)), "nothing of the aborted txn was written");
  }

  /**
   * A single-tablet commit is logged as its transaction's decision, so a client whose commit answer
   * was lost can settle it at any later leader: {@code TxnStatus} answers COMMITTED with the commit
   * timestamp; for a commit that never reached the log it records ABORTED, which then refuses that
   * commit; a forgotten record is unknown again.
   */
  @Test
  void aSingleTabletCommitLeavesADecisionRecordThatSettlesItAtTheNextLeader() throws Exception {
    long t = DECISIONS;
    TestNode first = cluster.leader(t);
    CommitTxnResponse committed = first.stub().commitTxn(commit(t, txn("d1", 100), put("k", "1")));
    assertEquals("", committed.getError().getCode(), committed.getError().toString());

    TestNode next = cluster.transferLeader(t, first);
    TxnStatusResponse status = next.stub().txnStatus(status(t, "d1", true));
    assertEquals(TxnOutcome.COMMITTED, status.getOutcome(), status.toString());
    assertEquals(committed.getCommitTs(), status.getCommitTs());

    assertEquals(TxnOutcome.ABORTED, next.stub().txnStatus(status(t, "d2", true)).getOutcome());
    CommitTxnResponse late = next.stub().commitTxn(commit(t, txn("d2", 200), put("k", "2")));
    assertEquals(ErrorCode.TXN_ABORTED.id(), late.getError().getCode(), late.toString());
    assertEquals(
        "1", value(client.read(t, "k", 0)), "the commit recorded as aborted wrote nothing");

    next.stub()
        .forgetTxnDecisions(
            ForgetTxnDecisionsRequest.newBuilder().setTabletId(t).addTxnIds("d1").build());
    assertEquals(
        TxnOutcome.OUTCOME_UNKNOWN, next.stub().txnStatus(status(t, "d1", false)).getOutcome());
  }

  private static TxnStatusRequest status(long tabletId, String txnId, boolean abortIfUnknown) {
    return TxnStatusRequest.newBuilder()
        .setTabletId(tabletId)
        .setTxnId(txnId)
        .setAbortIfUnknown(abortIfUnknown)
        .build();
  }

  private static ReadResponse read(TestNode leader, long tabletId, TxnContext txn, String key) {
    ReadResponse r = leader.stub().read(txnRead(tabletId, txn, key));
    assertEquals("", r.getError().getCode(), "txn read of " + key + ": " + r.getError());
    return r;
  }

  private static ScanResponse scan(
      TestNode leader, long tabletId, TxnContext txn, String start, String end) {
    ScanResponse r =
        leader
            .stub()
            .scan(
                ScanRequest.newBuilder()
                    .setTabletId(tabletId)
                    .setStartKey(ByteString.copyFromUtf8(start))
                    .setEndKey(ByteString.copyFromUtf8(end))
                    .setConsistency(ReadConsistency.LEADER)
                    .setTxn(txn)
                    .build());
    assertEquals("", r.getError().getCode(), r.getError().toString());
    return r;
  }

  private static void touch(TestNode leader, long tabletId, TxnContext txn) {
    ErrorDetail e =
        leader
            .stub()
            .touchTxn(
                TouchTxnRequest.newBuilder().setTabletId(tabletId).setTxnId(txn.getTxnId()).build())
            .getError();
    assertEquals("", e.getCode(), e.toString());
  }

  private static void awaitWaiters(TestNode leader, long tabletId, int n) {
    Poll.until(
        TestCluster.AWAIT,
        n + " lock waiter(s) on tablet " + tabletId,
        () -> leader.server().lockWaiters(tabletId) == n);
  }

  private static List<String> keys(ScanResponse r) {
    return r.getRowsList().stream().map(Row::getKey).map(ByteString::toStringUtf8).toList();
  }
}
