package io.cesiumdb.tablet.txn.locks;

import static io.cesiumdb.tablet.txn.locks.LockFixtures.assertFailed;
import static io.cesiumdb.tablet.txn.locks.LockFixtures.assertGranted;
import static io.cesiumdb.tablet.txn.locks.LockFixtures.assertWaiting;
import static io.cesiumdb.tablet.txn.locks.LockFixtures.key;
import static io.cesiumdb.tablet.txn.locks.LockFixtures.range;
import static io.cesiumdb.tablet.txn.locks.LockFixtures.s;
import static io.cesiumdb.tablet.txn.locks.LockFixtures.x;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.tablet.txn.locks.LockFixtures.RecordingListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Who gets a lock when it is released, and in which order. */
class GrantOrderTest {
  private final RecordingListener listener = new RecordingListener();
  private final LockTable table = new WoundWaitLockTable(listener);

  @Test
  void releaseAllGrantsWaitersOldestFirst() {
    assertGranted(table.acquire(x("holder", 1, key("k"))));
    assertTrue(table.markPrepared("holder"));
    List<String> order = new ArrayList<>();
    CompletableFuture<Void> t30 = table.acquire(x("t30", 30, key("k")));
    CompletableFuture<Void> t10 = table.acquire(x("t10", 10, key("k")));
    CompletableFuture<Void> t20 = table.acquire(x("t20", 20, key("k")));
    t10.thenRun(() -> order.add("t10"));
    t20.thenRun(() -> order.add("t20"));
    t30.thenRun(() -> order.add("t30"));

    table.releaseAll("holder");
    assertEquals(List.of("t10"), order);
    table.releaseAll("t10");
    assertEquals(List.of("t10", "t20"), order);
    assertWaiting(t30);
    table.releaseAll("t20");
    assertEquals(List.of("t10", "t20", "t30"), order);
  }

  @Test
  void compatibleWaitersAreGrantedTogether() {
    assertGranted(table.acquire(x("holder", 1, key("k"))));
    CompletableFuture<Void> r1 = table.acquire(s("r1", 10, key("k")));
    CompletableFuture<Void> r2 = table.acquire(s("r2", 20, range("a", "z")));
    CompletableFuture<Void> w = table.acquire(x("w", 30, key("k")));

    table.releaseAll("holder");

    assertGranted(r1);
    assertGranted(r2);
    assertWaiting(w);
    assertEquals(2, table.holders(key("k")).size());
  }

  @Test
  void aYoungerReaderDoesNotOvertakeAnOlderWaitingWriter() {
    assertGranted(table.acquire(s("reader", 1, key("k"))));
    CompletableFuture<Void> writer = table.acquire(x("writer", 10, key("k")));
    assertWaiting(writer);

    CompletableFuture<Void> lateReader = table.acquire(s("late", 20, key("k")));

    assertWaiting(lateReader);
    table.releaseAll("reader");
    assertGranted(writer);
    assertWaiting(lateReader);
    table.releaseAll("writer");
    assertGranted(lateReader);
  }

  @Test
  void aReleaseDoesNotLetAYoungerWaiterOvertakeAnOlderOneStillBlocked() {
    assertGranted(table.acquire(s("h1", 5, key("k"))));
    assertGranted(table.acquire(s("h3", 7, key("m"))));
    CompletableFuture<Void> older = table.acquire(x("older", 10, range("k", "p")));
    CompletableFuture<Void> younger = table.acquire(x("younger", 20, key("m")));

    table.releaseAll("h3");

    assertWaiting(older);
    assertWaiting(younger);
    table.releaseAll("h1");
    assertGranted(older);
    assertWaiting(younger);
    table.releaseAll("older");
    assertGranted(younger);
    assertTrue(listener.txnIds.isEmpty());
  }

  @Test
  void anOlderRequesterOvertakesYoungerWaiters() {
    assertGranted(table.acquire(x("holder", 1, key("k"))));
    CompletableFuture<Void> young = table.acquire(x("young", 30, key("k")));
    CompletableFuture<Void> old = table.acquire(x("old", 10, key("k")));

    table.releaseAll("holder");

    assertGranted(old);
    assertWaiting(young);
  }

  @Test
  void woundingRemovesTheVictimsWaitersSoYoungerOnesBehindThemProceed() {
    assertGranted(table.acquire(s("a", 1, key("p"))));
    assertGranted(table.acquire(s("victim", 20, key("q"))));
    CompletableFuture<Void> victimWaits = table.acquire(x("victim", 20, key("p")));
    CompletableFuture<Void> behind = table.acquire(s("behind", 30, key("p")));
    assertWaiting(behind); // compatible with a, but the older victim waits for X first

    assertWaiting(table.acquire(x("wounder", 5, key("q"))));

    assertFailed(victimWaits, ErrorCode.TXN_WOUNDED);
    assertGranted(behind);
  }

  @Test
  void releasingAWaitingTransactionFailsItsRequests() {
    assertGranted(table.acquire(x("holder", 1, key("k"))));
    CompletableFuture<Void> w = table.acquire(x("w", 10, key("k")));
    table.releaseAll("w");
    assertFailed(w, ErrorCode.TXN_ABORTED);
    assertEquals(0, table.waiterCount());
  }
}
