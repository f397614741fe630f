package io.cesiumdb.tablet.replication;

import io.cesiumdb.tablet.replication.ReplicaMeta.Applied;
import java.util.concurrent.CompletableFuture;

/**
 * A replica's applied position (index, term, max commit timestamp) as last written to the store,
 * its applied timestamp lease (docs/design/transactions.md §2), and the readers waiting for either
 * to reach theirs.
 *
 * <p>Threading: {@link #set} and {@link #setLease} run on the group's apply thread; reads are
 * volatile from any thread; waiters register from any thread and are completed on the apply thread,
 * so their continuations must hop to another executor.
 *
 * <p>Invariant: commit timestamps increase strictly in log order, except the writes of a prepared
 * transaction, which appear at its commit timestamp ({@code >=} its prepare timestamp) when it is
 * resolved; so once the safe time is {@code >= t}, every write with a timestamp {@code <= t} that
 * will ever commit is applied.
 */
final class AppliedState {
  private volatile Applied current = Applied.NONE;
  private final Watermark safe = new Watermark();
  private final Watermark lease = new Watermark();

  Applied current() {
    return current;
  }

  /**
   * Publishes a new position (after its batch is in the store) and wakes satisfied waiters. {@code
   * minPrepareTs} is the lowest prepare timestamp of a transaction prepared here and unresolved
   * ({@link Long#MAX_VALUE} if none): its writes will appear at a timestamp {@code >= } it, so the
   * safe time stays below it.
   */
  void set(Applied applied, long minPrepareTs) {
    current = applied;
    safe.reset(
        Math.min(
            applied.maxTs(), minPrepareTs == Long.MAX_VALUE ? Long.MAX_VALUE : minPrepareTs - 1));
  }

  /**
   * The safe time (transactions.md §5): every write with a timestamp at or below it that will ever
   * be visible here is applied. {@code min(applied max ts, lowest prepared ts - 1)}.
   */
  long safeTime() {
    return safe.value();
  }

  /** Completes once the safe time is at least {@code ts}. */
  CompletableFuture<Void> awaitSafe(long ts) {
    return safe.await(ts);
  }

  private volatile long gcHorizon;

  /** The applied GC horizon: reads below it are refused (versions may be gone). */
  long gcHorizon() {
    return gcHorizon;
  }

  void setGcHorizon(long horizon) {
    gcHorizon = Math.max(gcHorizon, horizon);
  }

  /** The highest timestamp-lease bound applied: no leader used a timestamp above it unlogged. */
  long leaseUpto() {
    return lease.value();
  }

  void setLease(long upto) {
    lease.reset(upto);
  }

  /** Completes once a lease covering {@code ts} is applied (so it is committed). */
  CompletableFuture<Void> awaitLease(long ts) {
    return lease.await(ts);
  }

  /** Fails every waiter, for example when the replica stops being the leader. */
  void failWaiters(Throwable cause) {
    safe.failWaiters(cause);
    lease.failWaiters(cause);
  }

  /** The number of registered waiters (for diagnostics). */
  int waiterCount() {
    return safe.waiterCount() + lease.waiterCount();
  }
}
