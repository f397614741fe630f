package io.cesiumdb.tablet.txn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.common.error.AbortReason;
import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.common.error.RetryHint;
import io.cesiumdb.tablet.txn.locks.LockSpan;
import io.cesiumdb.tablet.txn.locks.TxnLockRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The per-tablet transaction state: wounds abort at once, commits are not woundable, expiry. */
class TabletTxnsTest {
  private final TabletTxns txns = new TabletTxns(7, 3, List.of());

  @Test
  void aWoundedTxnLosesItsLocksAtOnceAndFailsLaterRequests() {
    assertTrue(shared("old", 1, "x").isDone());
    assertTrue(shared("young", 2, "x").isDone());
    CompletableFuture<Void> youngWrite = txns.lockExclusive("young", 2, keys("x"));
    assertFalse(youngWrite.isDone(), "the younger writer waits for the older reader");

    CompletableFuture<Void> oldWrite = txns.lockExclusive("old", 1, keys("x"));

    assertTrue(oldWrite.isDone() && !oldWrite.isCompletedExceptionally(), "old wounds young");
    assertWounded(youngWrite, "young");
    assertWounded(shared("young", 2, "y"), "young");
    assertEquals(1, txns.locks().transactionCount(), "only the old txn holds locks");
  }

  @Test
  void aTxnWhoseLocksWereReleasedWithoutItsWordGetsANewLockToken() {
    assertTrue(shared("young", 2, "x").isDone());
    long first = txns.lockToken("young");
    assertEquals(3, first >>> 40, "the leader term is in the token's high bits");
    assertTrue(txns.lockExclusive("old", 1, keys("x")).isDone(), "old wounds young");
    assertEquals(0, txns.lockToken("young"), "a wounded txn holds no token");
    txns.finish("old");

    // The wound's record ages out while young is idle between statements; its next read locks
    // afresh, and must not look like the reads it made before the wound.
    CompletableFuture<Void> again = shared("young", 2, "x");
    for (int i = 0; i < 10_000 && again.isCompletedExceptionally(); i++) {
      txns.expire(Duration.ZERO);
      again = shared("young", 2, "x");
    }
    assertTrue(again.isDone() && !again.isCompletedExceptionally(), "the record aged out");
    long second = txns.lockToken("young");
    assertTrue(second != 0 && second != first, first + " then " + second);
  }

  /** A read must not be answered once the lock it was granted under is gone. */
  @Test
  void aLockLostWhileItsReadRanFailsTheRead() {
    assertTrue(shared("young", 2, "x").isDone());
    long token = txns.lockToken("young");
    assertEquals(token, txns.requireToken("young", token), "still held: the read is answered");

    assertTrue(txns.lockExclusive("old", 1, keys("x")).isDone(), "old wounds young mid-read");

    CesiumException e =
        assertThrows(CesiumException.class, () -> txns.requireToken("young", token));
    assertEquals(ErrorCode.TXN_WOUNDED, e.code(), e.toString());
    CesiumException never =
        assertThrows(CesiumException.class, () -> txns.requireToken("other", 0));
    assertEquals(ErrorCode.TXN_ABORTED, never.code(), "a read granted no token is not answered");
  }

  @Test
  void aLateRequestOfAFinishedTxnFailsAndTakesNoLock() {
    shared("old", 1, "x");
    shared("young", 2, "x");
    txns.lockExclusive("old", 1, keys("x"));
    txns.finish("young");
    txns.finish("old");

    // A read the client stopped waiting for, arriving after its rollback: it must not lock again,
    // since nobody would release that lock before the idle expiry.
    CesiumException e = failure(shared("old", 1, "y"));
    assertEquals(ErrorCode.TXN_ABORTED, e.code());
    assertEquals(0, txns.locks().transactionCount());
    assertTrue(txns.lockExclusive("other", 3, keys("x", "y")).isDone());
  }

  @Test
  void aCommittingTxnIsNotWoundedAndOlderRequestsWaitForIt() {
    assertTrue(txns.lockExclusive("young", 2, keys("a", "b")).isDone());
    txns.beginCommit("young");

    CompletableFuture<Void> oldRead = shared("old", 1, "b");
    assertFalse(oldRead.isDone(), "the older reader waits for the committing txn");
    txns.finish("young");
    assertTrue(oldRead.isDone() && !oldRead.isCompletedExceptionally());
  }

  @Test
  void beginCommitOfAWoundedTxnFails() {
    shared("young", 2, "x");
    txns.lockExclusive("old", 1, keys("x"));
    CesiumException e = assertThrows(CesiumException.class, () -> txns.beginCommit("young"));
    assertEquals(ErrorCode.TXN_WOUNDED, e.code());
  }

  @Test
  void idleTxnsExpireAndTheirKeysFreeUp() {
    shared("idle", 2, "x");
    CompletableFuture<Void> waiting = txns.lockExclusive("writer", 3, keys("x"));
    assertFalse(waiting.isDone());
    txns.expire(Duration.ZERO);
    List<String> expired = txns.expire(Duration.ZERO);
    assertTrue(expired.contains("idle"), "expired: " + expired);
    assertTrue(waiting.isDone(), "the key is free once the idle txn expired");
    CesiumException e = failure(shared("idle", 2, "y"));
    assertEquals(ErrorCode.TXN_ABORTED, e.code());
  }

  @Test
  void aClosedTableRefusesAndTheNextTermRemembersItsTxnsAsAborted() {
    shared("holder", 1, "x");
    CompletableFuture<Void> waiter = txns.lockExclusive("waiter", 2, keys("x"));
    List<String> lost = txns.close();

    assertEquals(ErrorCode.NOT_LEADER, failure(waiter).code());
    assertEquals(ErrorCode.NOT_LEADER, failure(shared("other", 3, "z")).code());
    TabletTxns next = new TabletTxns(7, 4, lost);
    CesiumException e =
        failure(next.lock(TxnLockRequest.shared("holder", 1, LockSpan.key(bytes("x")))));
    assertEquals(ErrorCode.TXN_ABORTED, e.code());
    assertEquals(
        new RetryHint.TxnAborted("holder", AbortReason.LEADER_CHANGED), e.hint().orElseThrow());
  }

  @Test
  void touchTellsWhetherTheTableKnowsTheTxn() {
    assertFalse(txns.touch("unknown"));
    shared("t", 1, "x");
    assertTrue(txns.touch("t"));
  }

  private CompletableFuture<Void> shared(String txn, long prio, String key) {
    return txns.lock(TxnLockRequest.shared(txn, prio, LockSpan.key(bytes(key))));
  }

  private static void assertWounded(CompletableFuture<Void> f, String txn) {
    CesiumException e = failure(f);
    assertEquals(ErrorCode.TXN_WOUNDED, e.code());
    assertEquals(new RetryHint.TxnAborted(txn, AbortReason.WOUNDED), e.hint().orElseThrow());
  }

  private static CesiumException failure(CompletableFuture<Void> f) {
    assertTrue(f.isCompletedExceptionally(), "expected a failure");
    return CesiumException.from(f.handle((v, t) -> t).join());
  }

  private static List<byte[]> keys(String... keys) {
    return java.util.Arrays.stream(keys).map(TabletTxnsTest::bytes).toList();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
