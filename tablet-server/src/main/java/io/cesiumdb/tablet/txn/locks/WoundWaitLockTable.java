package io.cesiumdb.tablet.txn.locks;

import io.cesiumdb.common.error.CesiumException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-memory {@link LockTable} of one tablet leader, with wound-wait (see the diagram on {@link
 * LockTable}). One monitor guards everything; every public method decides under it, collects its
 * completions and listener calls in an {@link Outbox}, and runs them after leaving it.
 *
 * <p>Cost: a request is checked against the granted locks overlapping its span ({@link SpanIndex})
 * and the older waiting requests; a release re-examines every waiting request, oldest first.
 */
public final class WoundWaitLockTable implements LockTable {
  private static final Logger LOG = LoggerFactory.getLogger(WoundWaitLockTable.class);

  private final Object monitor = new Object();
  private final WoundListener listener;
  private final GrantObserver observer;
  private final Map<String, TxnLocks> txns = new HashMap<>();
  private final SpanIndex granted = new SpanIndex();
  private final WaitQueue queue = new WaitQueue();

  public WoundWaitLockTable(WoundListener listener) {
    this(listener, null);
  }

  WoundWaitLockTable(WoundListener listener, GrantObserver observer) {
    this.listener = Objects.requireNonNull(listener, "listener");
    this.observer = observer;
  }

  @Override
  public CompletableFuture<Void> acquire(TxnLockRequest request) {
    CompletableFuture<Void> future = new CompletableFuture<>();
    Outbox out = new Outbox(listener);
    synchronized (monitor) {
      TxnLocks txn = txns.computeIfAbsent(request.txnId(), id -> newTxn(request));
      if (txn.wound != null) {
        out.fail(future, txn.wound);
      } else if (covered(txn, request.span(), request.mode())) {
        out.grant(future);
      } else if (txn.prepared) {
        out.fail(future, Aborts.lockAfterPrepare(txn, request));
      } else if (grantable(txn, request)) {
        grant(txn, request.span(), request.mode());
        out.grant(future);
      } else {
        queue.enqueue(txn, request, future);
        if (woundBlockers(txn, request.span(), request.mode(), out)) {
          grantWaiters(out);
        }
      }
    }
    out.run();
    return future.copy();
  }

  @Override
  public void releaseAll(String txnId) {
    Outbox out = new Outbox(listener);
    synchronized (monitor) {
      TxnLocks txn = txns.get(txnId);
      if (txn == null) {
        return;
      }
      forget(txn, Aborts.released(txn), out);
      grantWaiters(out);
    }
    out.run();
  }

  @Override
  public boolean markPrepared(String txnId) {
    synchronized (monitor) {
      TxnLocks txn = txns.get(txnId);
      if (txn == null) {
        return true; // holds nothing here: nothing to protect from wounds
      }
      if (txn.wound != null) {
        return false;
      }
      txn.prepared = true;
      return true;
    }
  }

  @Override
  public boolean touch(String txnId, long nowNanos) {
    synchronized (monitor) {
      TxnLocks txn = txns.get(txnId);
      if (txn == null) {
        return false;
      }
      txn.touch(nowNanos);
      return true;
    }
  }

  @Override
  public List<String> expire(long nowNanos, Duration timeout) {
    long timeoutNanos = timeout.toNanos();
    List<String> expired = new ArrayList<>();
    Outbox out = new Outbox(listener);
    synchronized (monitor) {
      for (TxnLocks txn : List.copyOf(txns.values())) {
        if (!txn.prepared && txn.idleFor(nowNanos, timeoutNanos)) {
          CesiumException reason = Aborts.abandoned(txn, timeout);
          LOG.debug("expiring idle txn {}", txn);
          out.mustAbort(txn.id, reason);
          forget(txn, reason, out);
          expired.add(txn.id);
        }
      }
      grantWaiters(out);
    }
    out.run();
    return expired;
  }

  @Override
  public List<String> clear(CesiumException reason) {
    Objects.requireNonNull(reason, "reason");
    Outbox out = new Outbox(listener);
    List<String> known;
    synchronized (monitor) {
      known = List.copyOf(txns.keySet());
      for (Waiter w : queue.drain()) {
        out.fail(w.future, reason);
      }
      txns.clear();
      granted.clear();
    }
    LOG.info("lock table cleared ({} txns): {}", known.size(), reason.getMessage());
    out.run();
    return known;
  }

  @Override
  public List<LockHolder> holders(LockSpan span) {
    synchronized (monitor) {
      return granted.overlapping(span).stream().map(HeldLock::toHolder).toList();
    }
  }

  @Override
  public int waiterCount() {
    synchronized (monitor) {
      return queue.size();
    }
  }

  @Override
  public List<LockWait> longWaits(long nowNanos, long thresholdNanos) {
    List<LockWait> out = new ArrayList<>();
    synchronized (monitor) {
      for (Waiter w : queue) {
        if (w.seenWaitingNanos == 0) {
          w.seenWaitingNanos = nowNanos;
        } else if (!w.reported && nowNanos - w.seenWaitingNanos >= thresholdNanos) {
          w.reported = true;
          out.add(describe(w, nowNanos - w.seenWaitingNanos));
        }
      }
    }
    return out;
  }

  private LockWait describe(Waiter w, long waitedNanos) {
    List<LockHolder> in = blockers(w.txn, w.span, w.mode).stream().map(HeldLock::toHolder).toList();
    List<String> older = new ArrayList<>();
    for (Waiter o : queue) {
      if (!o.txn.olderThan(w.txn)) {
        break;
      }
      if (o.conflictsWith(w.txn, w.span, w.mode)) {
        older.add(o.toString());
      }
    }
    return new LockWait(w.txn.id, w.txn.priorityTs, w.span, w.mode, waitedNanos, in, older);
  }

  @Override
  public int transactionCount() {
    synchronized (monitor) {
      return txns.size();
    }
  }

  private static TxnLocks newTxn(TxnLockRequest request) {
    return new TxnLocks(request.txnId(), request.priorityTs());
  }

  /**
   * True when {@code txn} already holds a lock on a span containing {@code span}, strong enough.
   */
  private boolean covered(TxnLocks txn, LockSpan span, LockMode mode) {
    HeldLock same = txn.held.get(span);
    if (same != null) {
      return same.mode.covers(mode);
    }
    for (HeldLock lock : granted.overlapping(span)) {
      if (lock.txn == txn && lock.mode.covers(mode) && lock.span.contains(span)) {
        return true;
      }
    }
    return false;
  }

  private boolean grantable(TxnLocks txn, TxnLockRequest request) {
    return blockers(txn, request.span(), request.mode()).isEmpty()
        && !queue.olderConflicting(txn, request.span(), request.mode());
  }

  private List<HeldLock> blockers(TxnLocks txn, LockSpan span, LockMode mode) {
    List<HeldLock> out = new ArrayList<>();
    for (HeldLock lock : granted.overlapping(span)) {
      if (lock.blocks(txn, span, mode)) {
        out.add(lock);
      }
    }
    return out;
  }

  private void grant(TxnLocks txn, LockSpan span, LockMode mode) {
    HeldLock lock = txn.held.get(span);
    if (lock == null) {
      lock = new HeldLock(txn, span, mode);
      txn.held.put(span, lock);
      granted.add(lock);
    } else if (!lock.mode.covers(mode)) {
      lock.mode = mode;
    }
    if (observer != null) {
      observer.granted(new TxnLockRequest(txn.id, txn.priorityTs, span, mode), snapshot());
    }
  }

  /**
   * Wounds every younger, unprepared holder that blocks (span, mode) for {@code txn}.
   *
   * @return true when wounding removed waiting requests (which may unblock others)
   */
  private boolean woundBlockers(TxnLocks txn, LockSpan span, LockMode mode, Outbox out) {
    Map<TxnLocks, TxnLocks> victims = new LinkedHashMap<>();
    collectVictims(txn, blockers(txn, span, mode), victims);
    return wound(victims, out);
  }

  private static void collectVictims(
      TxnLocks txn, List<HeldLock> blockers, Map<TxnLocks, TxnLocks> victims) {
    for (HeldLock lock : blockers) {
      if (txn.olderThan(lock.txn) && lock.txn.woundable()) {
        victims.putIfAbsent(lock.txn, txn);
      }
    }
  }

  /** Wounds each victim (key) on behalf of its wounder (value); true if waiters were removed. */
  private boolean wound(Map<TxnLocks, TxnLocks> victims, Outbox out) {
    boolean removedWaiters = false;
    for (Map.Entry<TxnLocks, TxnLocks> e : victims.entrySet()) {
      TxnLocks victim = e.getKey();
      if (!victim.woundable()) {
        continue;
      }
      victim.wound = Aborts.wounded(victim, e.getValue());
      LOG.debug("txn {} wounded by {}", victim, e.getValue());
      out.mustAbort(victim.id, victim.wound);
      for (Waiter w : queue.removeAll(victim)) {
        out.fail(w.future, victim.wound);
        removedWaiters = true;
      }
    }
    return removedWaiters;
  }

  /**
   * Grants, oldest first, every waiting request that no longer conflicts with a granted lock or an
   * older waiting request; wounds the younger holders that still block older requests. Repeats
   * while wounding removes waiting requests, since that may unblock younger ones.
   */
  private void grantWaiters(Outbox out) {
    boolean again = true;
    while (again) {
      Map<TxnLocks, TxnLocks> victims = new LinkedHashMap<>();
      for (Iterator<Waiter> it = queue.iterator(); it.hasNext(); ) {
        Waiter w = it.next();
        List<HeldLock> blockers = blockers(w.txn, w.span, w.mode);
        if (blockers.isEmpty() && !queue.olderConflicting(w.txn, w.span, w.mode)) {
          it.remove();
          w.txn.waiters.remove(w);
          grant(w.txn, w.span, w.mode);
          out.grant(w.future);
        } else {
          collectVictims(w.txn, blockers, victims);
        }
      }
      again = wound(victims, out);
    }
  }

  /**
   * Fails the transaction's waiting requests with {@code reason}, releases its locks, forgets it.
   */
  private void forget(TxnLocks txn, CesiumException reason, Outbox out) {
    for (Waiter w : queue.removeAll(txn)) {
      out.fail(w.future, reason);
    }
    for (HeldLock lock : txn.held.values()) {
      granted.remove(lock);
    }
    txn.held.clear();
    txns.remove(txn.id);
  }

  private List<LockHolder> snapshot() {
    List<LockHolder> all = new ArrayList<>();
    for (TxnLocks txn : txns.values()) {
      txn.held.values().forEach(lock -> all.add(lock.toHolder()));
    }
    return all;
  }
}
