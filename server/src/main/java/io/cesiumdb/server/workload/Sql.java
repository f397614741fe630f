package io.cesiumdb.server.workload;

import io.cesiumdb.common.error.ErrorCode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** SQLSTATE helpers shared by the workloads and the runner. */
public final class Sql {
  /** Serialization failure: the transaction was aborted and may be retried. */
  public static final String SERIALIZATION_FAILURE = "40001";

  /** A commit that may or may not have been applied (class 40, but not a definite failure). */
  public static final String COMPLETION_UNKNOWN = "40003";

  /** SQLSTATE classes after which a statement certainly did not take effect (but 40003). */
  private static final Set<String> DEFINITE_CLASSES = Set.of("40", "22", "23", "25", "42", "0A");

  /**
   * CesiumDB vendor codes ({@code getErrorCode()}) of refusals that share an ambiguous SQLSTATE but
   * are raised before anything was sent to be written: CLK-1, a node whose clock is fenced refuses
   * to read it or to append (57P03, like "unavailable", which may follow a write in flight).
   */
  private static final Set<Integer> DEFINITE_REFUSALS = Set.of(ErrorCode.CLOCK_FENCED.vendorCode());

  private Sql() {}

  /** The SQLSTATE, or "" when there is none. */
  public static String state(SQLException e) {
    return e.getSQLState() == null ? "" : e.getSQLState();
  }

  /** Whether the transaction was aborted and should be retried. */
  public static boolean isRetryable(SQLException e) {
    return SERIALIZATION_FAILURE.equals(state(e));
  }

  /** Whether a write that threw this certainly did not take effect. */
  public static boolean isDefinite(SQLException e) {
    String s = state(e);
    if (DEFINITE_REFUSALS.contains(e.getErrorCode())) {
      return true;
    }
    return s.length() >= 2
        && DEFINITE_CLASSES.contains(s.substring(0, 2))
        && !COMPLETION_UNKNOWN.equals(s);
  }

  /**
   * Whether the node refused for now (SQLSTATE class 57: fenced clock, unavailable, timed out,
   * shutting down): asking again at once would only be refused again.
   */
  public static boolean isRefusal(Throwable t) {
    return t instanceof SQLException e && state(e).startsWith("57");
  }

  /** SQLSTATE and message on one line. */
  public static String describe(Throwable t) {
    if (t instanceof SQLException e) {
      return "[" + state(e) + "] " + firstLine(e.getMessage());
    }
    return t.getClass().getSimpleName() + ": " + firstLine(t.getMessage());
  }

  /** Rolls back, ignoring errors (the connection may be gone). */
  public static void rollbackQuietly(Connection c) {
    try {
      c.rollback();
    } catch (SQLException | RuntimeException ignored) {
      // the transaction is over either way
    }
  }

  /**
   * The rows of {@code query} (two BIGINT columns: key, value) as a sorted map, through the
   * connection's statement cache.
   */
  public static Map<Long, Long> longMap(Connection c, String query) throws SQLException {
    Map<Long, Long> out = new TreeMap<>();
    PreparedStatement q = StatementCache.prepare(c, query);
    try (ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getLong(1), rs.getLong(2));
      }
    }
    return out;
  }

  /** Runs {@code body} in one read-only transaction and commits it. */
  public static <T> T readOnly(Connection c, Body<T> body) throws SQLException {
    c.setAutoCommit(false);
    c.setReadOnly(true);
    try {
      T result = body.run(c);
      c.commit();
      return result;
    } catch (SQLException | RuntimeException e) {
      rollbackQuietly(c);
      throw e;
    }
  }

  /**
   * The session's {@code COMMIT_TIMESTAMP} or {@code READ_TIMESTAMP} ({@code SHOW}): the commit or
   * snapshot timestamp of its last transaction of that kind, TrueTime microseconds; 0 if it has
   * none.
   */
  public static long lastTimestamp(Connection c, String variable) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SHOW " + variable)) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  /** Work done on a connection. */
  @FunctionalInterface
  public interface Body<T> {
    T run(Connection c) throws SQLException;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
