package io.cesiumdb.tablet.replication;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * A value that only grows, and the callers waiting for it to reach theirs. Used for a replica's
 * applied max timestamp and for its applied timestamp lease.
 *
 * <p>Threading: {@link #advance} runs on the group's apply thread; waiters register from any thread
 * and are completed on the thread that advanced the value, so their continuations must hop to
 * another executor.
 */
final class Watermark {
  private volatile long value;
  private final TreeMap<Long, List<CompletableFuture<Void>>> waiters = new TreeMap<>();

  long value() {
    return value;
  }

  /** Sets the value (never lower than before) and wakes the waiters it satisfies. */
  void advance(long to) {
    List<CompletableFuture<Void>> ready = new ArrayList<>();
    synchronized (waiters) {
      value = Math.max(value, to);
      Map<Long, List<CompletableFuture<Void>>> head = waiters.headMap(value, true);
      head.values().forEach(ready::addAll);
      head.clear();
    }
    ready.forEach(f -> f.complete(null));
  }

  /** Sets the value as loaded from the store (it may be lower: a snapshot was installed). */
  void reset(long to) {
    synchronized (waiters) {
      value = to;
    }
    advance(to);
  }

  /** Completes once the value is at least {@code target} (at once if it already is). */
  CompletableFuture<Void> await(long target) {
    if (value >= target) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<Void> waiter = new CompletableFuture<>();
    synchronized (waiters) {
      if (value >= target) {
        return CompletableFuture.completedFuture(null);
      }
      waiters.computeIfAbsent(target, k -> new ArrayList<>()).add(waiter);
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

  int waiterCount() {
    synchronized (waiters) {
      return waiters.values().stream().mapToInt(List::size).sum();
    }
  }
}
