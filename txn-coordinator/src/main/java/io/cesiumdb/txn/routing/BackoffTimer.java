package io.cesiumdb.txn.routing;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a request's next attempt after its backoff pause, on one daemon thread ({@code
 * cesium-router-timer-N}). Attempts are non-blocking, so one thread serves every request.
 *
 * <p>On {@link #close()} every pause still pending ends at once: its task runs on the closing
 * thread, sees the router closed and fails its request with {@code SHUTTING_DOWN}. (A plain {@code
 * ScheduledExecutorService.shutdownNow()} would only cancel the tasks and leave those requests'
 * futures incomplete forever.) Each task runs exactly once.
 */
final class BackoffTimer implements AutoCloseable {
  private static final AtomicInteger TIMERS = new AtomicInteger();

  private final ScheduledThreadPoolExecutor executor;
  private final Set<Runnable> pending = ConcurrentHashMap.newKeySet();

  BackoffTimer() {
    String name = "cesium-router-timer-" + TIMERS.incrementAndGet();
    executor =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, name);
              t.setDaemon(true);
              return t;
            });
    executor.setRemoveOnCancelPolicy(true);
  }

  /**
   * Runs {@code task} after {@code delayNanos}, or when the timer closes, whichever is first.
   *
   * @throws RejectedExecutionException if the timer is closed
   */
  void schedule(Runnable task, long delayNanos) {
    Runnable once =
        new Runnable() {
          @Override
          public void run() {
            if (pending.remove(this)) {
              task.run();
            }
          }
        };
    pending.add(once);
    try {
      executor.schedule(once, delayNanos, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      pending.remove(once);
      throw e;
    }
  }

  /** Stops the thread and runs every pending task now, on the calling thread. */
  @Override
  public void close() {
    executor.shutdownNow();
    for (Runnable task : pending.toArray(new Runnable[0])) {
      task.run();
    }
  }
}
