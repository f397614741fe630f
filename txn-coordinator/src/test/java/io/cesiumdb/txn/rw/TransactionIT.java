package io.cesiumdb.txn.rw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.cesiumdb.common.error.AbortReason;
import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.common.error.RetryHint;
import io.cesiumdb.proto.tablet.TxnOutcome;
import io.cesiumdb.proto.tablet.TxnStatusResponse;
import io.cesiumdb.truetime.TTInterval;
import io.cesiumdb.truetime.TrueTime;
import io.cesiumdb.txn.routing.FakePlacementDriver;
import io.cesiumdb.txn.routing.KeyRouter;
import io.cesiumdb.txn.routing.RouterConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Single-tablet read-write transactions against fake tablet nodes and a fake placement driver on
 * loopback Netty: what each RPC carries, lock release, commit routing and the retry helper.
 */
class TransactionIT {
  static final long KS = 5;
  static final RouterConfig CONFIG =
      new RouterConfig(
          Duration.ofSeconds(3),
          Duration.ofMillis(500),
          Duration.ofMillis(2),
          Duration.ofMillis(20),
          100);

  private final List<AutoCloseable> closing = new ArrayList<>();
  private TxnTabletNode n1;
  private FakePlacementDriver pd;
  private Transactions txns;
  private KeyRouter router;

  /**
   * Each reading's latest, with how many lock-only PrepareTxn calls the node had served by then.
   */
  private final Map<Long, Long> locksServedAtReading = new ConcurrentHashMap<>();

  /** 100, 110, 120, ...: every begin gets a later priority. */
  private final TrueTime tt =
      new TrueTime() {
        private final AtomicLong t = new AtomicLong(100);

        @Override
        public TTInterval now() {
          long at = t.addAndGet(10);
          locksServedAtReading.put(
              at, n1 == null ? 0 : n1.log.stream().filter(s -> s.endsWith(":lock")).count());
          return new TTInterval(at - 5, at);
        }

        @Override
        public void commitWait(long ts) {}

        @Override
        public long epsilonMicros() {
          return 5;
        }
      };

  @BeforeEach
  void start() throws Exception {
    n1 = node("n1");
    pd = new FakePlacementDriver();
    closing.add(pd);
    pd.getLeaderAnswer = pd.address;
    pd.tablets = List.of(TxnTabletNode.tablet(1, KS, "", "", n1.replica()));
    router = KeyRouter.builder().placementAddresses(List.of(pd.address)).config(CONFIG).build();
    txns = new Transactions(router, tt, TxnConfig.defaults().withClientId("c1"));
  }

  @AfterEach
  void stop() throws Exception {
    txns.close();
    router.close();
    for (AutoCloseable c : closing) {
      c.close();
    }
  }

  @Test
  void aTxnReadCarriesTheTxnContextToTheLeader() {
    n1.store.put(utf8("k"), utf8("v"));
    Transaction tx = txns.begin();

    assertEquals(Optional.of(utf8("v")), tx.read(KS, utf8("k")));
    assertEquals(Optional.empty(), tx.read(KS, utf8("missing")));

    assertTrue(tx.id().startsWith("c1-" + tx.priorityTs() + "-"), tx.id());
    assertEquals("Read:1:" + tx.id() + ":" + tx.priorityTs() + ":LEADER:0", n1.log.get(0));
    tx.rollback();
    assertEquals(List.of("AbortTxn:1:" + tx.id()), abortsAndCommits(n1));
    assertEquals(TxnState.ROLLED_BACK, tx.state());
  }

  @Test
  void aKeyReadTwiceUnderItsLockIsAskedForOnce() {
    n1.store.put(utf8("k"), utf8("v"));
    Transaction tx = txns.begin();
    assertEquals(Optional.of(utf8("v")), tx.read(KS, utf8("k")));
    assertEquals(Optional.empty(), tx.read(KS, utf8("gone")));

    n1.store.put(utf8("gone"), utf8("meanwhile")); // our lock would forbid this on a real tablet
    assertEquals(Optional.of(utf8("v")), tx.read(KS, utf8("k")));
    assertEquals(Optional.empty(), tx.read(KS, utf8("gone")), "the first answer, not a new read");

    assertEquals(2, n1.log.stream().filter(l -> l.startsWith("Read:")).count(), n1.log.toString());
    tx.rollback();
    Transaction next = txns.begin();
    assertEquals(Optional.of(utf8("meanwhile")), next.read(KS, utf8("gone")), "per transaction");
    next.rollback();
  }

  @Test
  void commitSendsExactlyTheBufferedMutationsLastWriteWins() {
    Transaction tx = txns.begin();
    tx.read(KS, utf8("a"));
    tx.put(KS, utf8("a"), utf8("1"));
    tx.put(KS, utf8("b"), utf8("x"));
    tx.put(KS, utf8("a"), utf8("2"));
    tx.delete(KS, utf8("c"));

    assertEquals(1000, tx.commit());

    assertEquals(
        List.of("CommitTxn:1:" + tx.id() + ":" + tx.priorityTs() + ":a=2,b=x,c=DEL"),
        abortsAndCommits(n1)); // the commit tablet releases its own locks: no AbortTxn
    assertEquals(TxnState.COMMITTED, tx.state());
    CesiumException after = assertThrows(CesiumException.class, () -> tx.read(KS, utf8("a")));
    assertEquals(ErrorCode.TXN_NOT_FOUND, after.code());
  }

  @Test
  void aReadOnlyTxnReleasesItsLocksAndReturnsItsReadTime() {
    Transaction tx = txns.begin();
    tx.read(KS, utf8("a"));

    assertEquals(42, tx.commit());
    assertEquals(List.of("AbortTxn:1:" + tx.id()), abortsAndCommits(n1));
    assertEquals(0, txns.begin().commit()); // nothing read, nothing written
  }

  @Test
  void writesOnTwoTabletsCommitByTwoPhaseCommitInPipelineOrder() {
    twoTablets();
    Transaction tx = txns.begin();
    tx.read(KS, utf8("b"));
    tx.put(KS, utf8("b"), utf8("1"));
    tx.put(KS, utf8("x"), utf8("2"));

    assertEquals(1000, tx.commit());

    String id = tx.id();
    await("the participant hears the outcome", () -> n1.count("ResolveTxn") == 1);
    List<String> calls = twoPhaseCalls(n1);
    assertEquals(
        List.of(
            "PrepareTxn:1:" + id + ":b=1:coord=1:lock", "PrepareTxn:2:" + id + ":x=2:coord=1:lock"),
        calls.subList(0, 2).stream().sorted().toList(),
        "first every writing tablet takes its locks");
    long locked = lockedTsOf(calls.get(2));
    assertEquals(
        List.of(
            "PrepareTxn:2:" + id + ":x=2:coord=1:locked=" + locked,
            "CommitTxn:1:" + id + ":" + tx.priorityTs() + ":b=1:2pc=[2]@900:locked=" + locked,
            "ResolveTxn:2:" + id + ":COMMITTED:1000"),
        calls.subList(2, calls.size()));
    assertEquals(0, n1.count("AbortTxn"), "the commit itself released the locks");
    assertEquals(TxnState.COMMITTED, tx.state());
  }

  @Test
  void aFailedPrepareAbortsEveryParticipantAndReleasesTheCoordinator() {
    twoTablets();
    n1.prepareAnswers.add(ErrorCode.TXN_WOUNDED.id());
    Transaction tx = txns.begin();
    tx.put(KS, utf8("b"), utf8("1"));
    tx.put(KS, utf8("x"), utf8("2"));

    CesiumException e = assertThrows(CesiumException.class, tx::commit);

    assertEquals(ErrorCode.TXN_WOUNDED, e.code());
    String id = tx.id();
    assertEquals(
        List.of("PrepareTxn:2:" + id + ":x=2:coord=1", "ResolveTxn:2:" + id + ":ABORTED:0"),
        twoPhaseCalls(n1).stream()
            .filter(s -> !s.endsWith(":lock"))
            .map(s -> s.replaceAll(":locked=\\d+$", ""))
            .toList());
    assertEquals(List.of("AbortTxn:1:" + id), abortsAndCommits(n1));
    assertEquals(TxnState.FAILED, tx.state());
  }

  @Test
  void aDecisionWhoseAnswerIsLostIsSettledByTheCoordinatorsRecord() {
    twoTablets();
    n1.commitAnswers.add(ErrorCode.RAFT_TIMEOUT.id()); // maybe applied: the record decides
    n1.statusAnswer =
        TxnStatusResponse.newBuilder().setOutcome(TxnOutcome.COMMITTED).setCommitTs(1234).build();
    Transaction tx = txns.begin();
    tx.put(KS, utf8("b"), utf8("1"));
    tx.put(KS, utf8("x"), utf8("2"));

    assertEquals(1234, tx.commit());

    await("the participant hears the outcome", () -> n1.count("ResolveTxn") == 1);
    assertTrue(n1.log.contains("TxnStatus:1:" + tx.id() + ":true"), n1.log.toString());
    assertTrue(n1.log.contains("ResolveTxn:2:" + tx.id() + ":COMMITTED:1234"), n1.log.toString());
  }

  /**
   * Spanner's start rule, overlapped with the prepare round: the prepare and the decision carry one
   * clock reading, taken after both lock-only calls were answered and above the txn's begin.
   */
  @Test
  void twoPhaseTimestampsAreBoundedByOneClockReadingTakenOnceEveryLockIsHeld() {
    Transaction tx = committedOnTwoTablets();

    List<String> calls = twoPhaseCalls(n1);
    long locked = lockedTsOf(calls.get(2));
    assertTrue(locked > tx.priorityTs(), calls.toString());
    assertEquals(2L, locksServedAtReading.get(locked), "read after the lock round: " + calls);
    assertEquals(locked, lockedTsOf(calls.get(3)), "the decision carries the same reading");
  }

  /**
   * Once the participant acknowledged the outcome, nobody will ask the coordinator about the
   * transaction: its decision record is forgotten there, in a batch.
   */
  @Test
  void theDecisionIsForgottenAtTheCoordinatorOnceTheParticipantAcknowledged() {
    Transaction tx = committedOnTwoTablets();

    await("the forget request", () -> n1.count("ForgetTxnDecisions") == 1);
    assertEquals(
        "ForgetTxnDecisions:1:[" + tx.id() + "]",
        n1.log.stream().filter(s -> s.startsWith("ForgetTxnDecisions")).findFirst().orElseThrow());
    assertTrue(
        n1.log.indexOf("ResolveTxn:2:" + tx.id() + ":COMMITTED:1000")
            < n1.log.indexOf("ForgetTxnDecisions:1:[" + tx.id() + "]"),
        "only after the resolve: " + n1.log);
  }

  /** A transaction that wrote b (tablet 1) and x (tablet 2), committed by two-phase commit. */
  private Transaction committedOnTwoTablets() {
    twoTablets();
    Transaction tx = txns.begin();
    tx.put(KS, utf8("b"), utf8("1"));
    tx.put(KS, utf8("x"), utf8("2"));
    tx.commit();
    return tx;
  }

  private static long lockedTsOf(String call) {
    return Long.parseLong(call.substring(call.lastIndexOf(":locked=") + ":locked=".length()));
  }

  private void twoTablets() {
    pd.tablets =
        List.of(
            TxnTabletNode.tablet(1, KS, "", "m", n1.replica()),
            TxnTabletNode.tablet(2, KS, "m", "", n1.replica()));
  }

  private static List<String> twoPhaseCalls(TxnTabletNode n) {
    return n.log.stream()
        .filter(
            s ->
                s.startsWith("PrepareTxn")
                    || s.startsWith("CommitTxn")
                    || s.startsWith("ResolveTxn"))
        .toList();
  }

  @Test
  void aWoundedCommitIsRetriedWithANewIdAndTheSamePriority() {
    n1.commitAnswers.add(ErrorCode.TXN_WOUNDED.id());

    Committed<String> c =
        txns.retry(
            tx -> {
              tx.read(KS, utf8("a"));
              tx.put(KS, utf8("a"), utf8("v"));
              return "done";
            });

    assertEquals("done", c.value());
    assertEquals(1000, c.commitTs());
    assertEquals(2, c.attempts());
    List<String> commits = n1.log.stream().filter(s -> s.startsWith("CommitTxn")).toList();
    assertEquals(2, commits.size());
    String[] first = commits.get(0).split(":");
    String[] second = commits.get(1).split(":");
    assertNotEquals(first[2], second[2]); // new txn id
    assertEquals(first[3], second[3]); // same priority
    assertEquals(c.txnId(), second[2]);
  }

  @Test
  void aNonRetryableErrorIsNotRetried() {
    n1.commitAnswers.add(ErrorCode.UNIQUE_VIOLATION.id());
    CesiumException e =
        assertThrows(
            CesiumException.class,
            () ->
                txns.retry(
                    tx -> {
                      tx.put(KS, utf8("a"), utf8("v"));
                      return 0;
                    }));
    assertEquals(ErrorCode.UNIQUE_VIOLATION, e.code());
    assertEquals(1, n1.count("CommitTxn"));
  }

  @Test
  void aNotLeaderAnswerToCommitTxnIsFollowed() throws Exception {
    TxnTabletNode n2 = node("n2");
    n1.leaderHint = n2.address;
    pd.tablets = List.of(TxnTabletNode.tablet(1, KS, "", "", n1.replica(), n2.replica()));
    Transaction tx = txns.begin();
    tx.put(KS, utf8("a"), utf8("v"));

    assertEquals(1000, tx.commit());

    assertEquals(1, n1.count("NotLeader:CommitTxn"));
    assertEquals(0, n1.count("CommitTxn"));
    assertEquals(1, n2.count("CommitTxn:1:" + tx.id()));
  }

  @Test
  void aSingleTabletCommitIsForgottenAtItsTabletOnceItAnswered() {
    Transaction tx = txns.begin();
    tx.put(KS, utf8("a"), utf8("v"));

    assertEquals(1000, tx.commit());

    await("the forget request", () -> n1.count("ForgetTxnDecisions") == 1);
    assertTrue(n1.log.contains("ForgetTxnDecisions:1:[" + tx.id() + "]"), n1.log.toString());
  }

  /**
   * A single-tablet commit whose answer is lost after sending is never re-sent (a blind re-send
   * could apply it twice); its decision record settles it: COMMITTED carries on.
   */
  @Test
  void aSingleTabletCommitWhoseAnswerIsLostIsSettledByItsRecord() {
    n1.commitAnswers.add("HANG");
    n1.statusAnswer =
        TxnStatusResponse.newBuilder().setOutcome(TxnOutcome.COMMITTED).setCommitTs(1234).build();
    Transaction tx = txns.begin();
    tx.put(KS, utf8("a"), utf8("v"));

    assertEquals(1234, tx.commit());

    assertEquals(1, n1.count("CommitTxn"));
    assertTrue(n1.log.contains("TxnStatus:1:" + tx.id() + ":true"), n1.log.toString());
    assertEquals(TxnState.COMMITTED, tx.state());
    await("the forget request", () -> n1.count("ForgetTxnDecisions") == 1);
  }

  /** The record says ABORTED (the commit never reached the log): a retryable abort. */
  @Test
  void aSingleTabletCommitRecordedAsAbortedAfterItsAnswerWasLostIsRetryable() {
    n1.commitAnswers.add(ErrorCode.UNAVAILABLE.id()); // e.g. leadership changed in flight
    Transaction tx = txns.begin();
    tx.put(KS, utf8("a"), utf8("v"));

    CesiumException e = assertThrows(CesiumException.class, tx::commit);

    assertEquals(ErrorCode.TXN_ABORTED, e.code(), e.toString());
    assertTrue(e.isRetryable(), e.toString());
    assertEquals(
        new RetryHint.TxnAborted(tx.id(), AbortReason.COMMIT_UNCONFIRMED), e.hint().orElseThrow());
    assertEquals(1, n1.count("CommitTxn"));
    assertTrue(n1.log.contains("TxnStatus:1:" + tx.id() + ":true"), n1.log.toString());
    assertEquals(TxnState.FAILED, tx.state());
  }

  /**
   * The tablet a commit is sent to is the one its writes were grouped into, where its decision
   * record would be asked for: writes that moved to another tablet meanwhile (a split) abort the
   * transaction, retryable, instead of committing there.
   */
  @Test
  void aCommitWhoseWritesMovedToAnotherTabletAbortsInsteadOfCommittingThere() {
    router.tabletFor(KS, utf8("x")).join(); // the cache holds tablet 1 = everything
    pd.tablets =
        List.of(
            TxnTabletNode.tablet(1, KS, "", "m", n1.replica()),
            TxnTabletNode.tablet(2, KS, "m", "", n1.replica()));
    n1.commitAnswers.add(ErrorCode.TABLET_MOVED.id());
    Transaction tx = txns.begin();
    tx.put(KS, utf8("x"), utf8("v"));

    CesiumException e = assertThrows(CesiumException.class, tx::commit);

    assertEquals(ErrorCode.TXN_ABORTED, e.code(), e.toString());
    assertTrue(e.isRetryable(), e.toString());
    assertEquals(1, n1.count("CommitTxn:1:"), n1.log.toString());
    assertEquals(0, n1.count("CommitTxn:2:"), n1.log.toString());
  }

  /**
   * A commit wait this node's clock cannot vouch for (its gate closed: CLOCK_FENCED) does not
   * acknowledge the durable commit: the participants still hear the outcome, the client gets TXN-7.
   */
  @Test
  void aCommitWaitOnAFencedClockWithholdsTheAcknowledgementButResolvesTheParticipants()
      throws Exception {
    twoTablets();
    TrueTime fenced =
        new TrueTime() {
          @Override
          public TTInterval now() {
            return tt.now();
          }

          @Override
          public void commitWait(long ts) {
            throw new CesiumException(ErrorCode.CLOCK_FENCED, "clock stepped");
          }

          @Override
          public long epsilonMicros() {
            return tt.epsilonMicros();
          }
        };
    try (Transactions onFencedNode = new Transactions(router, fenced)) {
      Transaction tx = onFencedNode.begin();
      tx.put(KS, utf8("b"), utf8("1"));
      tx.put(KS, utf8("x"), utf8("2"));

      CesiumException e = assertThrows(CesiumException.class, tx::commit);

      assertEquals(ErrorCode.TXN_OUTCOME_UNKNOWN, e.code(), e.toString());
      assertFalse(e.isRetryable(), e.toString());
      assertTrue(e.getMessage().contains("durable but not acknowledged"), e.getMessage());
      await("the participant hears the outcome", () -> n1.count("ResolveTxn") == 1);
      assertTrue(n1.log.contains("ResolveTxn:2:" + tx.id() + ":COMMITTED:1000"), n1.log.toString());
    }
  }

  /** Neither the commit nor its record answers: only then is the outcome unknown to the client. */
  @Test
  void aCommitWhoseRecordCannotBeAskedEitherHasAnUnknownOutcome() {
    n1.commitAnswers.add("HANG");
    n1.statusAnswer = null; // TxnStatus hangs too
    Transaction tx = txns.begin();
    tx.put(KS, utf8("a"), utf8("v"));

    CesiumException e = assertThrows(CesiumException.class, tx::commit);

    assertEquals(ErrorCode.TXN_OUTCOME_UNKNOWN, e.code(), e.toString());
    assertEquals("40003", e.code().sqlState());
    assertFalse(e.isRetryable(), "a blind retry could apply it twice: " + e);
    assertEquals(1, n1.count("CommitTxn"));
    assertEquals(0, n1.count("AbortTxn"));
    assertEquals(TxnState.FAILED, tx.state());
  }

  @Test
  void keepaliveTouchesEveryParticipantUntilTheTxnEnds() throws Exception {
    txns.close();
    txns =
        new Transactions(
            router, tt, TxnConfig.defaults().withKeepaliveInterval(Duration.ofMillis(20)));
    Transaction tx = txns.begin();
    tx.read(KS, utf8("a"));

    await("two TouchTxn", () -> n1.count("TouchTxn:1:" + tx.id()) >= 2);
    tx.rollback();
    long touchesAtRollback = n1.count("TouchTxn:1:" + tx.id());
    Transaction probe = txns.begin(); // a later transaction's touches prove ticks went by
    probe.read(KS, utf8("b"));
    await("probe touched 3 times", () -> n1.count("TouchTxn:1:" + probe.id()) >= 3);

    assertTrue(n1.count("TouchTxn:1:" + tx.id()) <= touchesAtRollback + 1, n1.log.toString());
    probe.rollback();
  }

  private TxnTabletNode node(String id) throws Exception {
    TxnTabletNode n = new TxnTabletNode(id);
    closing.add(n);
    return n;
  }

  private static List<String> abortsAndCommits(TxnTabletNode n) {
    return n.log.stream()
        .filter(s -> s.startsWith("AbortTxn") || s.startsWith("CommitTxn"))
        .toList();
  }

  private static void await(String what, BooleanSupplier condition) {
    long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("not within 5 s: " + what);
      }
      LockSupport.parkNanos(1_000_000);
    }
  }

  private static ByteString utf8(String s) {
    return ByteString.copyFromUtf8(s);
  }
}
