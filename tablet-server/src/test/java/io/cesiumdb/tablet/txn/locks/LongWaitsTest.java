package io.cesiumdb.tablet.txn.locks;

import static io.cesiumdb.tablet.txn.locks.LockFixtures.assertGranted;
import static io.cesiumdb.tablet.txn.locks.LockFixtures.assertWaiting;
import static io.cesiumdb.tablet.txn.locks.LockFixtures.key;
import static io.cesiumdb.tablet.txn.locks.LockFixtures.s;
import static io.cesiumdb.tablet.txn.locks.LockFixtures.x;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.tablet.txn.locks.LockFixtures.RecordingListener;
import java.util.List;
import org.junit.jupiter.api.Test;

class LongWaitsTest {
  private static final long SEC = 1_000_000_000L;

  private final LockTable table = new WoundWaitLockTable(new RecordingListener());

  @Test
  void aLongWaitIsReportedOnceWithItsBlockersAndTheOlderWaitersItQueuesBehind() {
    assertGranted(table.acquire(x("holder", 1, key("k"))));
    table.markPrepared("holder");
    assertWaiting(table.acquire(x("older", 2, key("k"))));
    assertWaiting(table.acquire(s("younger", 3, key("k"))));

    assertEquals(List.of(), table.longWaits(10 * SEC, SEC), "first sight starts the clock");
    assertEquals(List.of(), table.longWaits(10 * SEC + SEC / 2, SEC));
    List<LockWait> waits = table.longWaits(11 * SEC, SEC);

    assertEquals(List.of("older", "younger"), waits.stream().map(LockWait::txnId).toList());
    LockWait younger = waits.get(1);
    assertEquals(SEC, younger.waitedNanos());
    assertEquals(
        List.of(new LockHolder("holder", key("k"), LockMode.EXCLUSIVE, true, false)),
        younger.blockers());
    assertEquals(1, younger.olderWaiters().size());
    assertTrue(younger.olderWaiters().get(0).startsWith("older@2"), younger.toString());
    assertEquals(List.of(), waits.get(0).olderWaiters());
    assertEquals(List.of(), table.longWaits(20 * SEC, SEC), "each wait is reported once");
  }

  @Test
  void aGrantedRequestIsNotReported() {
    assertGranted(table.acquire(x("holder", 1, key("k"))));
    assertWaiting(table.acquire(x("waiter", 2, key("k"))));
    table.longWaits(0, SEC);
    table.releaseAll("holder");
    assertEquals(List.of(), table.longWaits(5 * SEC, SEC));
  }
}
