package io.cesiumdb.tablet.txn.locks;

import static io.cesiumdb.tablet.txn.locks.LockFixtures.key;
import static io.cesiumdb.tablet.txn.locks.LockFixtures.range;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Many transactions over few keys and ranges, run by several threads. Wounded transactions release
 * everything and retry with their first start timestamp. Checks, at every grant, that no two
 * granted locks conflict (with an overlap test written independently of {@link LockSpan}), and that
 * every transaction commits within a bound (no deadlock). Rerun a failure with {@code
 * -Dlocks.seed=<seed>} (thread interleaving still varies).
 */
class LockTableRandomizedTest {
  private static final int THREADS = 6;
  private static final int TXNS_PER_THREAD = 60;
  private static final long STEP_TIMEOUT_SECONDS = 5;
  private static final long RUN_TIMEOUT_SECONDS = 30;
  private static final List<LockSpan> SPANS =
      List.of(
          key("a"),
          key("b"),
          key("c"),
          key("d"),
          key("e"),
          range("b", "d"),
          range("d", ""),
          range("", "c"),
          range("a", "f"));

  private final AtomicReference<String> violation = new AtomicReference<>();
  private final Set<String> wounded = ConcurrentHashMap.newKeySet();
  private final AtomicLong grants = new AtomicLong();
  private final AtomicLong startTs = new AtomicLong();
  private final AtomicLong aborts = new AtomicLong();
  private final WoundWaitLockTable table =
      new WoundWaitLockTable((txnId, reason) -> wounded.add(txnId), this::checkGrant);

  @Test
  void conflictingLocksAreNeverGrantedAndEveryTransactionFinishes() throws Exception {
    long seed = Long.getLong("locks.seed", System.nanoTime());
    String ctx = "seed=" + seed + " (rerun with -Dlocks.seed=" + seed + ")";
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<Integer>> clients = new ArrayList<>();
    try {
      for (int t = 0; t < THREADS; t++) {
        Random rnd = new Random(seed + t);
        clients.add(pool.submit(() -> runClient(rnd, ctx)));
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(RUN_TIMEOUT_SECONDS);
      int committed = 0;
      for (Future<Integer> client : clients) {
        committed += awaitClient(client, deadline, ctx);
      }
      assertNull(violation.get(), ctx);
      assertEquals(THREADS * TXNS_PER_THREAD, committed, ctx);
    } finally {
      pool.shutdownNow();
    }
    assertEquals(0, table.transactionCount(), ctx);
    assertEquals(0, table.waiterCount(), ctx);
    assertTrue(grants.get() >= THREADS * TXNS_PER_THREAD, ctx);
    System.out.printf(
        "lock table random run: %s, %d grants, %d aborts (%d wounded)%n",
        ctx, grants.get(), aborts.get(), wounded.size());
  }

  private int awaitClient(Future<Integer> client, long deadline, String ctx) throws Exception {
    try {
      return client.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      return fail("transactions did not all finish within " + RUN_TIMEOUT_SECONDS + " s; " + ctx);
    } catch (ExecutionException e) {
      throw new AssertionError(ctx + ": " + e.getCause(), e.getCause());
    }
  }

  /** Runs this client's transactions one after another; returns how many committed. */
  private int runClient(Random rnd, String ctx) throws Exception {
    int committed = 0;
    for (int i = 0; i < TXNS_PER_THREAD; i++) {
      long ts = startTs.incrementAndGet();
      for (int attempt = 0; ; attempt++) {
        assertTrue(attempt < 10_000, "txn at ts " + ts + " never committed; " + ctx);
        String id = "t" + ts + "." + attempt;
        if (runAttempt(rnd, id, ts, ctx)) {
          committed++;
          break;
        }
        aborts.incrementAndGet();
        table.releaseAll(id);
      }
    }
    return committed;
  }

  /** One attempt: a few reads and writes, prepare, commit. False when wounded. */
  private boolean runAttempt(Random rnd, String id, long ts, String ctx) throws Exception {
    int steps = 1 + rnd.nextInt(4);
    for (int s = 0; s < steps; s++) {
      if (wounded.contains(id)) {
        return false;
      }
      LockSpan span = SPANS.get(rnd.nextInt(SPANS.size()));
      LockMode mode = rnd.nextInt(3) == 0 ? LockMode.EXCLUSIVE : LockMode.SHARED;
      if (!acquire(new TxnLockRequest(id, ts, span, mode), ctx)) {
        return false;
      }
      work(rnd);
    }
    if (!table.markPrepared(id)) {
      return false;
    }
    work(rnd);
    table.releaseAll(id);
    return true;
  }

  private boolean acquire(TxnLockRequest request, String ctx) throws InterruptedException {
    try {
      table.acquire(request).get(STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      return true;
    } catch (ExecutionException e) {
      assertEquals(ErrorCode.TXN_WOUNDED, CesiumException.from(e).code(), ctx);
      return false;
    } catch (TimeoutException e) {
      return fail(request + " waited over " + STEP_TIMEOUT_SECONDS + " s (deadlock?); " + ctx);
    }
  }

  private static void work(Random rnd) {
    for (int i = rnd.nextInt(20); i > 0; i--) {
      Thread.yield();
    }
  }

  /** Runs under the table's monitor at every grant. */
  private void checkGrant(TxnLockRequest request, List<LockHolder> all) {
    grants.incrementAndGet();
    boolean held = false;
    for (int i = 0; i < all.size(); i++) {
      LockHolder a = all.get(i);
      held |= a.txnId().equals(request.txnId()) && a.span().equals(request.span());
      for (int j = i + 1; j < all.size(); j++) {
        if (conflict(a, all.get(j))) {
          violation.compareAndSet(null, "granted together: " + a + " and " + all.get(j));
        }
      }
    }
    if (!held) {
      violation.compareAndSet(null, "granted but not held: " + request);
    }
  }

  private static boolean conflict(LockHolder a, LockHolder b) {
    boolean bothShared = a.mode() == LockMode.SHARED && b.mode() == LockMode.SHARED;
    return !a.txnId().equals(b.txnId()) && !bothShared && overlap(a.span(), b.span());
  }

  /** Independent of LockSpan.overlaps: [s1, e1) and [s2, e2) meet iff s1 < e2 and s2 < e1. */
  private static boolean overlap(LockSpan a, LockSpan b) {
    return below(a.start(), b.end()) && below(b.start(), a.end());
  }

  private static boolean below(byte[] start, byte[] end) {
    return end.length == 0 || Arrays.compareUnsigned(start, end) < 0;
  }
}
