package io.cesiumdb.tablet.txn.locks;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * The waiting lock requests of the whole table, oldest transaction first. One queue rather than one
 * per span, because ranges overlap: fairness is "no request is granted while an older conflicting
 * request waits", checked against the older part of this queue. Not thread-safe: guarded by the
 * table's monitor.
 */
final class WaitQueue implements Iterable<Waiter> {
  private final TreeSet<Waiter> waiters = new TreeSet<>(Waiter.OLDEST_FIRST);
  private long nextSeq;

  /** Queues a new request and returns it. */
  Waiter enqueue(TxnLocks txn, TxnLockRequest request, CompletableFuture<Void> f) {
    Waiter w = new Waiter(txn, request.span(), request.mode(), nextSeq++, f);
    waiters.add(w);
    txn.waiters.add(w);
    return w;
  }

  /** Removes every waiting request of {@code txn} and returns them. */
  List<Waiter> removeAll(TxnLocks txn) {
    List<Waiter> removed = new ArrayList<>(txn.waiters);
    removed.forEach(waiters::remove);
    txn.waiters.clear();
    return removed;
  }

  /** Removes and returns every waiting request. */
  List<Waiter> drain() {
    List<Waiter> all = new ArrayList<>(waiters);
    waiters.clear();
    return all;
  }

  /**
   * True when a request of a transaction older than {@code txn}, other than {@code txn}'s own, is
   * waiting and conflicts with (span, mode).
   */
  boolean olderConflicting(TxnLocks txn, LockSpan span, LockMode mode) {
    for (Waiter w : waiters) {
      if (!w.txn.olderThan(txn)) {
        return false;
      }
      if (w.conflictsWith(txn, span, mode)) {
        return true;
      }
    }
    return false;
  }

  int size() {
    return waiters.size();
  }

  /** Oldest first; {@link Iterator#remove} removes from the queue but not from the transaction. */
  @Override
  public Iterator<Waiter> iterator() {
    return waiters.iterator();
  }
}
