package io.cesiumdb.tablet.txn.locks;

import static io.cesiumdb.tablet.txn.locks.LockFixtures.assertFailed;
import static io.cesiumdb.tablet.txn.locks.LockFixtures.assertGranted;
import static io.cesiumdb.tablet.txn.locks.LockFixtures.assertWaiting;
import static io.cesiumdb.tablet.txn.locks.LockFixtures.key;
import static io.cesiumdb.tablet.txn.locks.LockFixtures.range;
import static io.cesiumdb.tablet.txn.locks.LockFixtures.s;
import static io.cesiumdb.tablet.txn.locks.LockFixtures.x;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.common.error.AbortReason;
import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.common.error.RetryHint;
import io.cesiumdb.tablet.txn.locks.LockFixtures.RecordingListener;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class WoundWaitTest {
  private final RecordingListener listener = new RecordingListener();
  private final LockTable table = new WoundWaitLockTable(listener);

  @Test
  void youngerRequesterWaitsForOlderHolder() {
    assertGranted(table.acquire(x("old", 10, key("k"))));
    CompletableFuture<Void> young = table.acquire(x("young", 20, key("k")));
    assertWaiting(young);
    assertTrue(listener.txnIds.isEmpty());
    table.releaseAll("old");
    assertGranted(young);
  }

  @Test
  void olderRequesterWoundsYoungerHolderAndWaitsForItsRelease() {
    assertGranted(table.acquire(x("young", 20, key("k"))));
    CompletableFuture<Void> youngPending = table.acquire(x("young", 20, key("other")));
    assertGranted(youngPending);
    assertGranted(table.acquire(x("old2", 5, key("other2"))));
    CompletableFuture<Void> youngWaiting = table.acquire(s("young", 20, key("other2")));
    assertWaiting(youngWaiting);

    CompletableFuture<Void> old = table.acquire(s("old", 10, key("k")));

    assertWaiting(old);
    assertEquals(List.of("young"), listener.txnIds);
    CesiumException reason = listener.reasons.get(0);
    assertEquals(ErrorCode.TXN_WOUNDED, reason.code());
    assertEquals(
        new RetryHint.TxnAborted("young", AbortReason.WOUNDED), reason.hint().orElseThrow());
    assertFailed(youngWaiting, ErrorCode.TXN_WOUNDED);
    assertFailed(table.acquire(s("young", 20, key("fresh"))), ErrorCode.TXN_WOUNDED);
    assertTrue(table.holders(key("k")).get(0).wounded(), "wounded but still holding");

    table.releaseAll("young");
    assertGranted(old);
  }

  @Test
  void tiesInStartTimestampGoToTheSmallerTxnId() {
    assertGranted(table.acquire(x("b", 7, key("k"))));
    CompletableFuture<Void> a = table.acquire(x("a", 7, key("k")));
    assertWaiting(a);
    assertEquals(List.of("b"), listener.txnIds, "a is older than b at equal timestamps");
    table.releaseAll("b");
    assertGranted(a);
  }

  @Test
  void preparedHolderIsNotWoundedAndTheOlderRequesterWaits() {
    assertGranted(table.acquire(x("young", 20, key("k"))));
    assertTrue(table.markPrepared("young"));

    CompletableFuture<Void> old = table.acquire(x("old", 10, key("k")));

    assertWaiting(old);
    assertTrue(listener.txnIds.isEmpty(), "prepared holders are never wounded");
    assertFalse(table.holders(key("k")).get(0).wounded());
    table.releaseAll("young");
    assertGranted(old);
  }

  @Test
  void aWoundedTransactionCannotPrepare() {
    assertGranted(table.acquire(x("young", 20, key("k"))));
    assertWaiting(table.acquire(x("old", 10, key("k"))));
    assertFalse(table.markPrepared("young"));
    assertTrue(table.markPrepared("unknown"), "a txn holding nothing here has nothing to lose");
  }

  @Test
  void aPreparedTransactionTakesNoNewLock() {
    assertGranted(table.acquire(x("t", 10, range("a", "f"))));
    assertTrue(table.markPrepared("t"));
    assertGranted(table.acquire(s("t", 10, key("c"))));
    assertFailed(table.acquire(x("t", 10, key("z"))), ErrorCode.INVALID_ARGUMENT);
  }

  @Test
  void olderRequesterWoundsEveryConflictingYoungerHolder() {
    assertGranted(table.acquire(s("y1", 20, key("b"))));
    assertGranted(table.acquire(s("y2", 30, range("c", "e"))));
    assertGranted(table.acquire(s("older", 5, key("d"))));

    CompletableFuture<Void> scanWriter = table.acquire(x("mid", 10, range("a", "")));

    assertWaiting(scanWriter);
    assertEquals(List.of("y1", "y2"), listener.txnIds, "older (ts 5) is waited for, not wounded");
    table.releaseAll("y1");
    table.releaseAll("y2");
    assertWaiting(scanWriter);
    table.releaseAll("older");
    assertGranted(scanWriter);
  }

  @Test
  void phantomInsertByYoungerTxnWaitsForTheOlderScan() {
    assertGranted(table.acquire(s("T1", 10, range("b", "m"))));

    CompletableFuture<Void> insert = table.acquire(x("T2", 20, key("c")));

    assertWaiting(insert);
    assertGranted(table.acquire(x("T3", 30, key("m"))));
    table.releaseAll("T1");
    assertGranted(insert);
    assertTrue(listener.txnIds.isEmpty());
  }

  @Test
  void phantomInsertByOlderTxnWoundsTheScan() {
    assertGranted(table.acquire(s("T1", 20, range("b", "m"))));

    CompletableFuture<Void> insert = table.acquire(x("T2", 10, key("c")));

    assertWaiting(insert);
    assertEquals(List.of("T1"), listener.txnIds);
    table.releaseAll("T1");
    assertGranted(insert);
  }
}
