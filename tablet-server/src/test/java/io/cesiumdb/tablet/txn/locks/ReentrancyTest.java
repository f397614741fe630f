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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ReentrancyTest {
  private final RecordingListener listener = new RecordingListener();
  private final LockTable table = new WoundWaitLockTable(listener);

  @Test
  void reacquiringAHeldLockIsGrantedAtOnce() {
    assertGranted(table.acquire(x("t", 1, key("k"))));
    assertGranted(table.acquire(x("t", 1, key("k"))));
    assertGranted(table.acquire(s("t", 1, key("k"))));
    assertEquals(1, table.holders(key("k")).size());
    assertEquals(LockMode.EXCLUSIVE, table.holders(key("k")).get(0).mode());
  }

  @Test
  void aLockInsideAHeldRangeIsCovered() {
    assertGranted(table.acquire(x("t", 1, range("a", "z"))));
    assertGranted(table.acquire(s("t", 1, key("m"))));
    assertGranted(table.acquire(x("t", 1, range("b", "c"))));
    assertEquals(1, table.holders(LockSpan.all()).size(), "covered requests add no lock");
  }

  @Test
  void ownLocksNeverConflict() {
    assertGranted(table.acquire(s("t", 1, range("a", "z"))));
    assertGranted(table.acquire(x("t", 1, key("m"))));
    assertEquals(2, table.holders(key("m")).size());
  }

  @Test
  void soleSharedHolderUpgradesAtOnce() {
    assertGranted(table.acquire(s("t", 1, key("k"))));
    assertGranted(table.acquire(x("t", 1, key("k"))));
    List<LockHolder> holders = table.holders(key("k"));
    assertEquals(1, holders.size());
    assertEquals(LockMode.EXCLUSIVE, holders.get(0).mode());
    assertWaiting(table.acquire(s("other", 2, key("k"))));
  }

  @Test
  void youngerUpgraderWaitsForOlderSharedHolder() {
    assertGranted(table.acquire(s("old", 1, key("k"))));
    assertGranted(table.acquire(s("young", 2, key("k"))));

    CompletableFuture<Void> upgrade = table.acquire(x("young", 2, key("k")));

    assertWaiting(upgrade);
    assertTrue(listener.txnIds.isEmpty());
    table.releaseAll("old");
    assertGranted(upgrade);
    assertEquals(LockMode.EXCLUSIVE, table.holders(key("k")).get(0).mode());
  }

  @Test
  void olderUpgraderWoundsYoungerSharedHolder() {
    assertGranted(table.acquire(s("old", 1, key("k"))));
    assertGranted(table.acquire(s("young", 2, key("k"))));
    CompletableFuture<Void> youngUpgrade = table.acquire(x("young", 2, key("k")));

    CompletableFuture<Void> oldUpgrade = table.acquire(x("old", 1, key("k")));

    assertWaiting(oldUpgrade);
    assertEquals(List.of("young"), listener.txnIds);
    assertFailed(youngUpgrade, ErrorCode.TXN_WOUNDED);
    table.releaseAll("young");
    assertGranted(oldUpgrade);
    assertEquals(1, table.holders(key("k")).size());
  }
}
