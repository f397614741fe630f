package io.cesiumdb.server.workload;

import io.cesiumdb.server.workload.history.Op;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Random;

/**
 * One consistency workload: its tables, the write a writer process runs, the read a reader process
 * runs (always one read-only transaction over everything the workload wrote), and the checker that
 * judges a history of both. The runner owns threads, connections, timing and the history; a
 * workload only speaks SQL and judges.
 *
 * <p>Implementations are thread-safe: every worker calls the same instance with its own connection.
 */
public interface Workload {
  /** The name on the command line: {@code bank}, {@code realtime}, {@code monotonic}. */
  String name();

  /** The {@code f} of a write op ({@code transfer}, {@code insert}, {@code increment}). */
  String writeF();

  /** Creates (with {@code fresh}: drops and recreates) the tables and loads the initial state. */
  void setup(Connection connection, boolean fresh) throws SQLException;

  /** The next write's arguments, chosen before it runs so the invocation records them. */
  Object nextWrite(Random random);

  /**
   * Runs one write. Throws when the outcome is decided by the exception: the runner records class
   * 40/22/23/25/42 SQLSTATEs as {@code fail} and anything else (connection lost, timeout) as {@code
   * info}.
   */
  Outcome write(Connection connection, Object args, Retries retries) throws SQLException;

  /** Reads everything in one read-only transaction; returns the ok op's value. */
  Object read(Connection connection) throws SQLException;

  /** Every anomaly in the history (empty when it is valid). */
  List<Anomaly> check(List<Op> ops);

  /** What the plot draws for an ok read (the bank's total, ...). */
  double plotValue(Object readValue);

  /** The plot's name for {@link #plotValue}. */
  String plotLabel();
}
