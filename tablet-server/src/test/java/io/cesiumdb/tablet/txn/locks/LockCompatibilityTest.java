package io.cesiumdb.tablet.txn.locks;

import static io.cesiumdb.tablet.txn.locks.LockFixtures.assertGranted;
import static io.cesiumdb.tablet.txn.locks.LockFixtures.assertWaiting;
import static io.cesiumdb.tablet.txn.locks.LockFixtures.key;
import static io.cesiumdb.tablet.txn.locks.LockFixtures.range;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.tablet.txn.locks.LockFixtures.RecordingListener;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The compatibility matrix, through the table. An older holder T1 (ts 1) holds the first lock; a
 * younger T2 (ts 2) asks for the second, so a conflict means T2 waits (and nobody is wounded).
 */
class LockCompatibilityTest {

  @ParameterizedTest(name = "{0} {1} then {2} {3}: conflict={4}")
  @CsvSource({
    // held mode, held span, wanted mode, wanted span, conflict
    "SHARED,    k,     SHARED,    k,     false",
    "SHARED,    k,     EXCLUSIVE, k,     true",
    "EXCLUSIVE, k,     SHARED,    k,     true",
    "EXCLUSIVE, k,     EXCLUSIVE, k,     true",
    "EXCLUSIVE, k,     EXCLUSIVE, j,     false",
    "SHARED,    b..d,  EXCLUSIVE, c,     true",
    "SHARED,    b..d,  EXCLUSIVE, b,     true",
    "SHARED,    b..d,  EXCLUSIVE, d,     false",
    "SHARED,    b..d,  SHARED,    c,     false",
    "EXCLUSIVE, c,     SHARED,    b..d,  true",
    "EXCLUSIVE, a..c,  SHARED,    b..e,  true",
    "EXCLUSIVE, a..c,  EXCLUSIVE, c..e,  false",
    "SHARED,    a..c,  SHARED,    b..e,  false",
    "SHARED,    m..,   EXCLUSIVE, zzz,   true",
    "SHARED,    m..,   EXCLUSIVE, l,     false",
    "EXCLUSIVE, m..,   SHARED,    a..,   true",
    "EXCLUSIVE, x,     SHARED,    ..,    true",
  })
  void matrix(
      LockMode heldMode, String held, LockMode wantedMode, String wanted, boolean conflict) {
    RecordingListener listener = new RecordingListener();
    LockTable table = new WoundWaitLockTable(listener);
    assertGranted(table.acquire(new TxnLockRequest("T1", 1, span(held), heldMode)));

    CompletableFuture<Void> second =
        table.acquire(new TxnLockRequest("T2", 2, span(wanted), wantedMode));

    if (conflict) {
      assertWaiting(second);
      assertEquals(1, table.waiterCount());
      table.releaseAll("T1");
      assertGranted(second);
    } else {
      assertGranted(second);
      assertEquals(0, table.waiterCount());
    }
    assertTrue(listener.txnIds.isEmpty(), "a younger requester never wounds");
    assertFalse(table.holders(span(wanted)).isEmpty());
  }

  /** "k" is a key; "b..d" is [b, d); "m.." is [m, +inf); ".." is everything. */
  private static LockSpan span(String text) {
    int dots = text.indexOf("..");
    if (dots < 0) {
      return key(text);
    }
    return range(text.substring(0, dots), text.substring(dots + 2));
  }
}
