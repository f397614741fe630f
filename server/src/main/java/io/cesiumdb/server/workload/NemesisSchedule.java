package io.cesiumdb.server.workload;

import io.cesiumdb.server.workload.history.History;
import io.cesiumdb.server.workload.nemesis.Nemesis;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives the nemeses on one thread: a healthy window, then a faulty window with ONE nemesis
 * injected (the listed nemeses in rotation, so each fault's effect can be told apart in the
 * history), heal, healthy again, and so on until {@link #finish}. Every inject and heal is recorded
 * in the history ({@code start} / {@code stop}, process {@code nemesis}). {@link #finish} ends the
 * current window at once and heals every nemesis, so the final read always sees a healed cluster.
 */
final class NemesisSchedule implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(NemesisSchedule.class);

  private final List<Nemesis> nemeses;
  private final History history;
  private final long windowNanos;
  private final CountDownLatch done = new CountDownLatch(1);
  private final Thread thread;

  NemesisSchedule(List<Nemesis> nemeses, History history, Duration window) {
    this.nemeses = List.copyOf(nemeses);
    this.history = history;
    this.windowNanos = window.toNanos();
    this.thread = new Thread(this, "workload-nemesis");
    this.thread.setDaemon(true);
  }

  /** Starts the schedule (nothing happens when there are no nemeses). */
  void start() {
    if (!nemeses.isEmpty()) {
      thread.start();
    }
  }

  @Override
  public void run() {
    int next = 0;
    while (!waitWindow()) {
      Nemesis n = nemeses.get(next++ % nemeses.size());
      inject(n);
      boolean finished = waitWindow();
      heal(n);
      if (finished) {
        return;
      }
    }
  }

  /** Ends the schedule, waits for its thread, and heals every nemesis (idempotent). */
  void finish(Duration wait) throws InterruptedException {
    done.countDown();
    if (thread.isAlive()) {
      thread.join(wait.toMillis());
    }
    for (Nemesis n : nemeses) {
      heal(n);
    }
  }

  /** Waits one window; true when the run finished meanwhile. */
  private boolean waitWindow() {
    try {
      return done.await(windowNanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  private void inject(Nemesis n) {
    try {
      history.nemesis("start", n.name() + ": " + n.inject());
    } catch (Exception e) {
      LOG.warn("nemesis {} inject failed", n.name(), e);
      history.nemesis("start", n.name() + ": inject failed: " + Sql.describe(e));
    }
  }

  private void heal(Nemesis n) {
    try {
      history.nemesis("stop", n.name() + ": " + n.heal());
    } catch (Exception e) {
      LOG.warn("nemesis {} heal failed", n.name(), e);
      history.nemesis("stop", n.name() + ": heal failed: " + Sql.describe(e));
    }
  }
}
