package io.cesiumdb.tablet.replication;

import io.cesiumdb.tablet.replication.ReplicaMeta.Applied;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * A replica's applied position (index, term, max commit timestamp) as last written to the store,
 * and the readers waiting for the applied max timestamp to reach theirs.
 *
 * <p>Threading: {@link #set} runs on the group's apply thread (Ratis' StateMachineUpdater); {@link
 * #current} is a volatile read from any thread; waiters are registered from any thread. Waiters are
 * completed on the apply thread, so their continuations must hop to another executor.
 *
 * <p>Invariant: because commit timestamps increase strictly in log order, once {@code maxTs >= t}
 * every write with a timestamp {@code <= t} that will ever commit is applied.
 */
final class AppliedState {
  private volatile Applied current = Applied.NONE;
  private final TreeMap<Long, List<CompletableFuture<Void>>> waiters = new TreeMap<>();

  Applied current() {
    return current;
  }

  /** Publishes a new position (after its batch is in the store) and wakes satisfied waiters. */
  void set(Applied applied) {
    current = applied;
    List<CompletableFuture<Void>> ready = new ArrayList<>();
    synchronized (waiters) {
      Map<Long, List<CompletableFuture<Void>>> head = waiters.headMap(applied.maxTs(), true);
      head.values().forEach(ready::addAll);
      head.clear();
    }
    ready.forEach(f -> f.complete(null));
  }

  /** Completes once the applied max timestamp is at least {@code ts} (at once if it already is). */
  CompletableFuture<Void> awaitMaxTs(long ts) {
    if (current.maxTs() >= ts) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<Void> waiter = new CompletableFuture<>();
    synchronized (waiters) {
      waiters.computeIfAbsent(ts, k -> new ArrayList<>()).add(waiter);
    }
    if (current.maxTs() >= ts) {
      waiter.complete(null); // raced with set(); the entry is dropped by the next set or fail
    }
    return waiter;
  }

  /** Fails every waiter, for example when the replica stops being the leader. */
  void failWaiters(Throwable cause) {
    List<CompletableFuture<Void>> all = new ArrayList<>();
    synchronized (waiters) {
      waiters.values().forEach(all::addAll);
      waiters.clear();
    }
    all.forEach(f -> f.completeExceptionally(cause));
  }

  /** The number of registered waiters (for diagnostics). */
  int waiterCount() {
    synchronized (waiters) {
      return waiters.values().stream().mapToInt(List::size).sum();
    }
  }
}
