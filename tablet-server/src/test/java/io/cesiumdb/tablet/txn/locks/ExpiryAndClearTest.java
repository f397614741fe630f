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
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.common.error.AbortReason;
import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.common.error.RetryHint;
import io.cesiumdb.tablet.txn.locks.LockFixtures.RecordingListener;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ExpiryAndClearTest {
  private static final long SEC = 1_000_000_000L;
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final RecordingListener listener = new RecordingListener();
  private final LockTable table = new WoundWaitLockTable(listener);

  @Test
  void idleTransactionsAreAbortedAndTheirWaitersGranted() {
    assertGranted(table.acquire(x("idle", 1, key("k"))));
    table.touch("idle", 100 * SEC);
    CompletableFuture<Void> waiter = table.acquire(x("busy", 2, key("k")));
    table.touch("busy", 100 * SEC);

    assertEquals(List.of(), table.expire(109 * SEC, TIMEOUT));
    table.touch("busy", 109 * SEC);
    assertEquals(List.of("idle"), table.expire(110 * SEC, TIMEOUT));

    assertEquals(List.of("idle"), listener.txnIds);
    CesiumException reason = listener.reasons.get(0);
    assertEquals(ErrorCode.TXN_ABORTED, reason.code());
    assertEquals(
        new RetryHint.TxnAborted("idle", AbortReason.ABANDONED), reason.hint().orElseThrow());
    assertGranted(waiter);
    assertFalse(table.touch("idle", 111 * SEC), "expired transactions are forgotten");
    assertTrue(table.touch("busy", 111 * SEC));
  }

  @Test
  void anExpiredWaiterFailsAndIsForgotten() {
    assertGranted(table.acquire(x("holder", 1, key("k"))));
    table.touch("holder", 0);
    CompletableFuture<Void> waiter = table.acquire(x("gone", 2, key("k")));
    table.touch("gone", 0);
    table.touch("holder", 20 * SEC);

    assertEquals(List.of("gone"), table.expire(20 * SEC, TIMEOUT));

    assertFailed(waiter, ErrorCode.TXN_ABORTED);
    assertEquals(0, table.waiterCount());
    assertEquals(1, table.transactionCount());
  }

  @Test
  void neverTouchedTransactionsGetOneTimeoutFromTheFirstExpireThatSeesThem() {
    assertGranted(table.acquire(s("quiet", 1, key("k"))));
    assertEquals(List.of(), table.expire(500 * SEC, TIMEOUT));
    assertEquals(List.of(), table.expire(509 * SEC, TIMEOUT));
    assertEquals(List.of("quiet"), table.expire(510 * SEC, TIMEOUT));
  }

  @Test
  void preparedTransactionsNeverExpire() {
    assertGranted(table.acquire(x("p", 1, key("k"))));
    table.touch("p", 0);
    assertTrue(table.markPrepared("p"));
    assertEquals(List.of(), table.expire(1_000 * SEC, TIMEOUT));
    assertEquals(1, table.holders(key("k")).size());
  }

  @Test
  void clearFailsEveryWaiterAndForgetsEveryHolder() {
    assertGranted(table.acquire(x("a", 1, key("k"))));
    assertGranted(table.acquire(s("b", 2, range("m", ""))));
    CompletableFuture<Void> w1 = table.acquire(x("c", 3, key("k")));
    CompletableFuture<Void> w2 = table.acquire(x("d", 4, key("z")));
    CesiumException lost = new CesiumException(ErrorCode.NOT_LEADER, "leadership lost");

    List<String> known = table.clear(lost);

    assertEquals(Set.of("a", "b", "c", "d"), Set.copyOf(known));
    assertSame(lost, CesiumException.from(catchFailure(w1)));
    assertFailed(w2, ErrorCode.NOT_LEADER);
    assertEquals(0, table.waiterCount());
    assertEquals(0, table.transactionCount());
    assertTrue(table.holders(LockSpan.all()).isEmpty());
    assertTrue(listener.txnIds.isEmpty(), "the owner aborts everything itself on clear");
    assertGranted(table.acquire(x("e", 5, key("k"))));
  }

  @Test
  void aWaiterStaysQueuedWhenItsCallerGivesUpOnTheReturnedFuture() {
    assertGranted(table.acquire(x("a", 1, key("k"))));
    CompletableFuture<Void> w = table.acquire(x("b", 2, key("k")));
    w.cancel(true);
    assertEquals(1, table.waiterCount(), "the caller must releaseAll to withdraw");
    table.releaseAll("b");
    assertEquals(0, table.waiterCount());
    assertWaiting(table.acquire(x("c", 3, key("k"))));
  }

  private static Throwable catchFailure(CompletableFuture<Void> f) {
    return f.handle((v, e) -> e).join();
  }
}
