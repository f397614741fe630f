package io.cesiumdb.server.workload;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.server.workload.history.History;
import io.cesiumdb.server.workload.history.HistoryWriter;
import io.cesiumdb.server.workload.history.Op;
import io.cesiumdb.server.workload.history.OpPair;
import io.cesiumdb.server.workload.nemesis.Nemesis;
import io.cesiumdb.server.workload.report.PlotWriter;
import io.cesiumdb.server.workload.report.Stats;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one workload against a cluster, in this order: setup (tables, initial state) → writer and
 * reader processes start → warm-up → measured part, with the nemesis schedule alternating healthy
 * and faulty windows → workers stop (each finishes its op; every JDBC call is bounded by {@link
 * WorkloadSpec#opTimeout}) → every nemesis healed → the final read, retried until it succeeds or
 * {@link WorkloadSpec#finalReadTimeout} passes → checker → statistics, history file, plot.
 */
public final class WorkloadRunner {
  private static final Logger LOG = LoggerFactory.getLogger(WorkloadRunner.class);
  private static final long FINAL_READ_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

  private WorkloadRunner() {}

  /**
   * Runs {@code spec} with these nemeses (none: a fault-free run).
   *
   * @throws CesiumException {@code UNAVAILABLE} when setup cannot reach the cluster, {@code
   *     STORAGE_IO} when the history or plot cannot be written
   * @throws IllegalArgumentException for an unknown workload or a malformed URL
   */
  public static WorkloadResult run(WorkloadSpec spec, List<Nemesis> nemeses) {
    Workload workload = Workloads.create(spec);
    Connections connections = new Connections(spec);
    setup(workload, connections, spec.fresh());
    History history = new History();
    RunContext ctx =
        new RunContext(
            workload, history, connections, new Retries(), new AtomicBoolean(), spec.timestamps());
    List<Thread> workers = startWorkers(spec, ctx);
    parkFor(spec.warmup());
    long measuredFrom = history.now();
    NemesisSchedule schedule = new NemesisSchedule(nemeses, history, spec.nemesisInterval());
    schedule.start();
    parkFor(spec.duration());
    double seconds = (history.now() - measuredFrom) / 1e9;
    ctx.stop().set(true);
    join(workers, spec.opTimeout().multipliedBy(3).plusSeconds(5));
    finish(schedule, spec);
    finalRead(ctx, spec.finalReadTimeout());
    return report(spec, ctx, measuredFrom, seconds);
  }

  private static void setup(Workload workload, Connections connections, boolean fresh) {
    try (Connection c = connections.open(0)) {
      workload.setup(c, fresh);
    } catch (SQLException e) {
      throw new CesiumException(
          ErrorCode.UNAVAILABLE, workload.name() + " setup failed: " + Sql.describe(e), e);
    }
  }

  private static List<Thread> startWorkers(WorkloadSpec spec, RunContext ctx) {
    List<Thread> threads = new ArrayList<>();
    for (int p = 0; p < spec.writers() + spec.readers(); p++) {
      boolean writer = p < spec.writers();
      Thread t = new Thread(new Worker(p, writer, ctx, spec.seed()), "workload-" + p);
      t.setDaemon(true);
      t.start();
      threads.add(t);
    }
    return threads;
  }

  private static void join(List<Thread> threads, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    for (Thread t : threads) {
      try {
        t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (t.isAlive()) {
        LOG.warn("{} still busy after {}; its op counts as unknown", t.getName(), wait);
        t.interrupt();
      }
    }
  }

  private static void finish(NemesisSchedule schedule, WorkloadSpec spec) {
    try {
      schedule.finish(spec.nemesisInterval().plus(spec.opTimeout()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Reads once more on a healed cluster, retrying until it succeeds or the deadline passes. */
  private static void finalRead(RunContext ctx, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    do {
      Op invoke = ctx.history().invoke(Op.FINAL, "read", null);
      try (Connection c = ctx.connections().open(0)) {
        Object value = ctx.workload().read(c);
        ctx.history().complete(invoke, Op.Type.OK, value, null);
        return;
      } catch (SQLException | RuntimeException e) {
        ctx.history().complete(invoke, Op.Type.FAIL, null, Sql.describe(e));
        LockSupport.parkNanos(FINAL_READ_BACKOFF_NANOS);
      }
    } while (System.nanoTime() < deadline);
  }

  private static WorkloadResult report(
      WorkloadSpec spec, RunContext ctx, long measuredFrom, double seconds) {
    Workload workload = ctx.workload();
    List<Op> ops = ctx.history().ops();
    List<Anomaly> anomalies = new ArrayList<>(workload.check(ops));
    if (spec.timestamps()) {
      anomalies.addAll(TimestampOrder.check(OpPair.pairs(ops), workload.writeF()));
    }
    Retries r = ctx.retries();
    Stats stats =
        Stats.of(ops, workload.writeF(), measuredFrom, seconds, r.attempts(), r.abortedAttempts());
    int nemesisEvents = (int) ops.stream().filter(op -> op.process() == Op.NEMESIS).count();
    try {
      if (spec.history() != null) {
        HistoryWriter.write(ops, spec.history());
      }
      if (spec.plot() != null) {
        PlotWriter.write(ops, workload.plotLabel(), workload::plotValue, spec.plot());
      }
    } catch (IOException e) {
      throw new CesiumException(ErrorCode.STORAGE_IO, "cannot write the run's output", e);
    }
    return new WorkloadResult(
        workload.name(),
        anomalies,
        stats,
        nemesisEvents,
        Optional.ofNullable(spec.history()).map(Path::toAbsolutePath),
        Optional.ofNullable(spec.plot()).map(Path::toAbsolutePath));
  }

  /** Waits out {@code d} (the run's own clock: it is what the run measures, not a sync). */
  private static void parkFor(Duration d) {
    long deadline = System.nanoTime() + d.toNanos();
    for (long left = d.toNanos(); left > 0; left = deadline - System.nanoTime()) {
      LockSupport.parkNanos(left);
    }
  }
}
