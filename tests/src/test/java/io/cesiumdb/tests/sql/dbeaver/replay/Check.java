package io.cesiumdb.tests.sql.dbeaver.replay;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The replay's assertions: JUnit is not on the child's class path, so a failed check throws an
 * {@link AssertionError} whose message becomes the step's {@code FAIL} reason.
 */
final class Check {
  /** A JDBC call that may throw. */
  interface SqlAction {
    void run() throws Exception;
  }

  private Check() {}

  static void equal(Object expected, Object actual, String what) {
    if (!Objects.equals(expected, actual)) {
      throw new AssertionError(what + ": expected <" + expected + "> but was <" + actual + ">");
    }
  }

  static void isTrue(boolean condition, String what) {
    if (!condition) {
      throw new AssertionError(what);
    }
  }

  /** Runs {@code action}, which must fail with an {@link SQLException}; returns it. */
  static SQLException fails(SqlAction action, String what) {
    try {
      action.run();
    } catch (SQLException e) {
      return e;
    } catch (Exception e) {
      throw new AssertionError(what + ": expected an SQLException but got " + e, e);
    }
    throw new AssertionError(what + ": expected an SQLException but the call succeeded");
  }

  /** {@code e}'s SQLSTATE starts with {@code prefix}; never a connection-lost class (08). */
  static void sqlState(String prefix, SQLException e, String what) {
    String state = e.getSQLState();
    isTrue(
        state != null && state.startsWith(prefix) && !state.startsWith("08"),
        what
            + ": expected SQLSTATE "
            + prefix
            + "… but was "
            + state
            + " ("
            + e.getMessage()
            + ")");
  }

  /** Each label is a column of {@code rs} (DBeaver reads metadata by label). */
  static void hasLabels(ResultSet rs, String what, String... labels) throws SQLException {
    for (String label : labels) {
      try {
        isTrue(rs.findColumn(label) > 0, what + " has no column " + label);
      } catch (SQLException e) {
        throw new AssertionError(what + " has no column " + label + ": " + e.getMessage(), e);
      }
    }
  }

  /**
   * Each row of {@code rs} read as DBeaver does (by label, as strings; null as empty), joined by
   * ':'. Closes {@code rs}.
   */
  static List<String> rows(ResultSet rs, String what, String... labels) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (rs) {
      hasLabels(rs, what, labels);
      while (rs.next()) {
        List<String> values = new ArrayList<>();
        for (String label : labels) {
          String v = rs.getString(label);
          values.add(v == null ? "" : v);
        }
        rows.add(String.join(":", values));
      }
    }
    return rows;
  }
}
