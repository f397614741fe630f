package io.cesiumdb.tests.slt;

import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code bin/slt}'s guard against runaway queries: a query still running after the budget gets its
 * cluster process killed, is recorded as failed ("exceeded the budget") and stops its file, which
 * the runner then resumes on a fresh cluster. A query during which the cluster process died on its
 * own (it exits on OutOfMemoryError) is treated alike. Queries slower than a fifth of the budget
 * are named on stderr. One file at a time; {@link #attach} before each attempt.
 */
final class QueryBudget implements QueryListener, AutoCloseable {
  static final String EXCEEDED = "exceeded the time budget";
  static final String DIED = "the cluster process died during the query";

  private final long budgetNanos;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "slt-budget");
            t.setDaemon(true);
            return t;
          });
  private ClusterProcess cluster;
  private ScheduledFuture<?> pending;
  private volatile boolean expired;
  private boolean stop;

  QueryBudget(long budgetSeconds) {
    this.budgetNanos = TimeUnit.SECONDS.toNanos(budgetSeconds);
  }

  /** Guards queries on {@code cluster} from now on. */
  void attach(ClusterProcess cluster) {
    this.cluster = cluster;
    this.expired = false;
    this.stop = false;
  }

  @Override
  public void started(String id) {
    pending = timer.schedule(this::expire, budgetNanos, TimeUnit.NANOSECONDS);
  }

  private void expire() {
    expired = true;
    try {
      cluster.kill();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public QueryOutcome finished(QueryOutcome o) {
    pending.cancel(false);
    if (o.nanos() > budgetNanos / 5) {
      System.err.printf(
          Locale.ROOT, "slt:   slow: %s took %.1f s (%s)%n", o.id(), o.nanos() / 1e9, o.status());
    }
    if (expired || !cluster.isAlive()) {
      stop = true;
      String why =
          expired ? EXCEEDED + " of " + TimeUnit.NANOSECONDS.toSeconds(budgetNanos) + " s" : DIED;
      return new QueryOutcome(o.id(), o.sql(), QueryOutcome.Status.ERROR, why, o.nanos());
    }
    return o;
  }

  @Override
  public boolean stopFile() {
    return stop || !cluster.isAlive();
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
