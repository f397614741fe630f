package io.cesiumdb.tablet.replication.fault;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Delivers one call's listener events later, in the order they arrived: event i runs no earlier
 * than {@code arrival_i + delay_i} and never before event i-1. Events run one at a time, on the
 * scheduler's thread, which satisfies gRPC's rule that listener methods are never concurrent.
 */
final class OrderedDelivery {
  private final ScheduledExecutorService scheduler;
  private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);
  private long lastDueNanos;

  OrderedDelivery(ScheduledExecutorService scheduler) {
    this.scheduler = scheduler;
  }

  synchronized void submit(long delayMillis, Runnable event) {
    long due =
        Math.max(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMillis), lastDueNanos);
    lastDueNanos = due;
    tail = tail.thenCompose(v -> at(due)).thenRun(event).exceptionally(t -> null);
  }

  private CompletableFuture<Void> at(long dueNanos) {
    CompletableFuture<Void> f = new CompletableFuture<>();
    long wait = dueNanos - System.nanoTime();
    if (wait <= 0) {
      scheduler.execute(() -> f.complete(null));
    } else {
      scheduler.schedule(() -> f.complete(null), wait, TimeUnit.NANOSECONDS);
    }
    return f;
  }
}
