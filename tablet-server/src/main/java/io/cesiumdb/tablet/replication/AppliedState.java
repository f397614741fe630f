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
 * <p>Invariant: because commit timestamps increase strictly in log order, once {@code maxTs >= t}
 * every write with a timestamp {@code <= t} that will ever commit is applied.
 */
final class AppliedState {
  private volatile Applied current = Applied.NONE;
  private final Watermark maxTs = new Watermark();
  private final Watermark lease = new Watermark();

  Applied current() {
    return current;
  }

  /** Publishes a new position (after its batch is in the store) and wakes satisfied waiters. */
  void set(Applied applied) {
    current = applied;
    maxTs.reset(applied.maxTs());
  }

  /** The highest timestamp-lease bound applied: no leader used a timestamp above it unlogged. */
  long leaseUpto() {
    return lease.value();
  }

  void setLease(long upto) {
    lease.reset(upto);
  }

  /** Completes once the applied max timestamp is at least {@code ts} (at once if it already is). */
  CompletableFuture<Void> awaitMaxTs(long ts) {
    return maxTs.await(ts);
  }

  /** Completes once a lease covering {@code ts} is applied (so it is committed). */
  CompletableFuture<Void> awaitLease(long ts) {
    return lease.await(ts);
  }

  /** Fails every waiter, for example when the replica stops being the leader. */
  void failWaiters(Throwable cause) {
    maxTs.failWaiters(cause);
    lease.failWaiters(cause);
  }

  /** The number of registered waiters (for diagnostics). */
  int waiterCount() {
    return maxTs.waiterCount() + lease.waiterCount();
  }
}
