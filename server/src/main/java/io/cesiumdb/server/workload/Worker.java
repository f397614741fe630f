package io.cesiumdb.server.workload;

import io.cesiumdb.server.workload.history.History;
import io.cesiumdb.server.workload.history.Op;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client process: a writer or a reader, running ops back to back on its own connection until
 * the run stops, recording each invocation and completion. A write that throws is {@code fail} when
 * the SQLSTATE says it certainly did not happen ({@link Sql#isDefinite}) and {@code info}
 * otherwise; a read that throws is {@code fail} (reads change nothing). After any op that did not
 * end ok the worker checks its connection and opens a new one when it is gone, and after a refusal
 * ({@link Sql#isRefusal}: a fenced or unavailable node) it pauses briefly instead of asking again
 * at once (a fenced node's clients used to spin, ~60,000 refusals per run). When the run records
 * timestamps, each ok op is stamped with the database's timestamp of it ({@code SHOW
 * COMMIT_TIMESTAMP} / {@code READ_TIMESTAMP}, asked after its completion time was taken).
 */
final class Worker implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(Worker.class);
  private static final long RECONNECT_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
  private static final long REFUSAL_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  private final int process;
  private final boolean writer;
  private final Workload workload;
  private final History history;
  private final Connections connections;
  private final Retries retries;
  private final AtomicBoolean stop;
  private final Random random;
  private final boolean timestamps;
  private Connection connection;
  private boolean refused;

  Worker(int process, boolean writer, RunContext run, long seed) {
    this.process = process;
    this.writer = writer;
    this.workload = run.workload();
    this.history = run.history();
    this.connections = run.connections();
    this.retries = run.retries();
    this.stop = run.stop();
    this.random = new Random(seed * 1_000_003L + process);
    this.timestamps = run.timestamps();
  }

  @Override
  public void run() {
    try {
      while (!stop.get()) {
        if (connection == null && !connect()) {
          continue;
        }
        refused = false;
        boolean ok = writer ? write() : read();
        if (!ok) {
          checkConnection();
        }
        if (refused) {
          LockSupport.parkNanos(REFUSAL_BACKOFF_NANOS);
        }
      }
    } finally {
      close();
    }
  }

  private boolean write() {
    Object args = workload.nextWrite(random);
    Op invoke = history.invoke(process, workload.writeF(), args);
    try {
      Outcome o = workload.write(connection, args, retries);
      Op done = history.complete(invoke, o.type(), o.value(), o.error());
      if (o.type() == Op.Type.OK) {
        stamp(done, "COMMIT_TIMESTAMP");
      }
      return o.type() == Op.Type.OK;
    } catch (SQLException | RuntimeException e) {
      Op.Type type = e instanceof SQLException s && Sql.isDefinite(s) ? Op.Type.FAIL : Op.Type.INFO;
      history.complete(invoke, type, null, Sql.describe(e));
      refused = Sql.isRefusal(e);
      return false;
    }
  }

  private boolean read() {
    Op invoke = history.invoke(process, "read", null);
    try {
      Object value = workload.read(connection);
      stamp(history.complete(invoke, Op.Type.OK, value, null), "READ_TIMESTAMP");
      return true;
    } catch (SQLException | RuntimeException e) {
      history.complete(invoke, Op.Type.FAIL, null, Sql.describe(e));
      refused = Sql.isRefusal(e);
      return false;
    }
  }

  /** Best effort: a timestamp that cannot be asked leaves the op unstamped. */
  private void stamp(Op completion, String variable) {
    if (!timestamps) {
      return;
    }
    try {
      history.stamp(completion, Sql.lastTimestamp(connection, variable));
    } catch (SQLException | RuntimeException e) {
      LOG.debug("process {}: no {}: {}", process, variable, Sql.describe(e));
    }
  }

  private boolean connect() {
    try {
      connection = connections.open(process);
      return true;
    } catch (SQLException | RuntimeException e) {
      LOG.debug("process {}: cannot connect: {}", process, Sql.describe(e));
      LockSupport.parkNanos(RECONNECT_BACKOFF_NANOS);
      return false;
    }
  }

  private void checkConnection() {
    boolean valid;
    try {
      valid = connection.isValid(2);
    } catch (SQLException | RuntimeException e) {
      valid = false;
    }
    if (!valid) {
      close();
    }
  }

  private void close() {
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (SQLException | RuntimeException e) {
      LOG.debug("process {}: close: {}", process, Sql.describe(e));
    }
    connection = null;
  }
}
