package io.cesiumdb.tablet.txn.locks;

import java.util.List;

/**
 * A lock request that has waited long, as the tablet's diagnostics log it: who waits for what, for
 * how long (measured from the first {@link LockTable#longWaits} call that saw it waiting, so to
 * within one tick), and who is in the way: the granted locks that block it and the older waiting
 * requests it queues behind.
 */
public record LockWait(
    String txnId,
    long priorityTs,
    LockSpan span,
    LockMode mode,
    long waitedNanos,
    List<LockHolder> blockers,
    List<String> olderWaiters) {

  @Override
  public String toString() {
    return txnId
        + "@"
        + priorityTs
        + " waits "
        + waitedNanos / 1_000_000
        + " ms for "
        + mode
        + " "
        + span
        + "; held by "
        + blockers
        + "; behind older waiters "
        + olderWaiters;
  }
}
