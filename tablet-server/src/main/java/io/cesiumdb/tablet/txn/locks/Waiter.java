package io.cesiumdb.tablet.txn.locks;

import java.util.Comparator;
import java.util.concurrent.CompletableFuture;

/**
 * A lock request that could not be granted yet, with the future its caller waits on. Ordered oldest
 * transaction first, then by arrival. The table completes {@link #future} exactly once, when it
 * removes the waiter from the queue.
 */
final class Waiter {
  static final Comparator<Waiter> OLDEST_FIRST =
      Comparator.<Waiter, TxnLocks>comparing(w -> w.txn, TxnLocks.OLDEST_FIRST)
          .thenComparingLong(w -> w.seq);

  final TxnLocks txn;
  final LockSpan span;
  final LockMode mode;
  final long seq;
  final CompletableFuture<Void> future;

  /** When a {@code longWaits} call first saw this request waiting (0: not yet); monitor-guarded. */
  long seenWaitingNanos;

  /** Whether {@code longWaits} has reported this request already; monitor-guarded. */
  boolean reported;

  Waiter(TxnLocks txn, LockSpan span, LockMode mode, long seq, CompletableFuture<Void> future) {
    this.txn = txn;
    this.span = span;
    this.mode = mode;
    this.seq = seq;
    this.future = future;
  }

  /**
   * True when this waiting request belongs to another transaction and conflicts with (span, mode).
   */
  boolean conflictsWith(TxnLocks requester, LockSpan wanted, LockMode wantedMode) {
    return txn != requester && !mode.compatibleWith(wantedMode) && span.overlaps(wanted);
  }

  @Override
  public String toString() {
    return txn + " " + mode + " " + span;
  }
}
