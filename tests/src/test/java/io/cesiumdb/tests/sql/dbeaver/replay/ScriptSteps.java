package io.cesiumdb.tests.sql.dbeaver.replay;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Section (e) of dbeaver-jdbc-calls.md: a multi-statement script run as DBeaver's SQL editor runs
 * it — already split (no {@code ;}, leading comments and trailing newlines kept), one statement
 * object each, errors "ignored" so the script goes on. A bad statement is a 42xxx SQLSTATE, never
 * 08xxx (which would make DBeaver drop and reopen the connection), and the connection stays usable.
 */
final class ScriptSteps {
  /** The script's statements as DBeaver's SQLScriptParser hands them to the driver. */
  private static final List<String> SCRIPT =
      List.of(
          "-- add a note\nINSERT INTO NOTES (ID, NAME) VALUES (2000, 'script')\n",
          "SELEC * FROM NOTES",
          "SELECT NOPE FROM NOTES",
          "INSERT INTO NOTES (ID, NAME) VALUES (2000, 'duplicate')",
          "UPDATE NOTES SET NAME = 'script 2' WHERE ID = 2",
          "COMMIT",
          "/* what is left */\nSELECT ID, NAME FROM NOTES ORDER BY ID\n");

  private ScriptSteps() {}

  static List<Step> all(Target t) {
    return List.of(
        new Step("e-script-in-manual-mode-with-errors", () -> manualScript(t)),
        new Step("e-bad-statement-keeps-autocommit-connection", () -> autocommitErrors(t)));
  }

  private static void manualScript(Target t) throws SQLException {
    try (Connection c = t.connect(t.first());
        Connection other = t.connect(t.second())) {
      c.setAutoCommit(false);
      List<String> outcomes = new ArrayList<>();
      for (String sql : SCRIPT) {
        outcomes.add(run(c, sql));
        if (sql.equals("COMMIT")) {
          c.commit(); // handleTransactionStatements
        }
      }
      c.commit(); // commit type "at end"
      Check.equal("update 1", outcomes.get(0), "first INSERT");
      Check.isTrue(outcomes.get(1).startsWith("error 42"), "SELEC is a 42xxx: " + outcomes);
      Check.isTrue(outcomes.get(2).startsWith("error 42"), "unknown column is 42xxx: " + outcomes);
      Check.equal("error 23505", outcomes.get(3), "duplicate key");
      Check.equal("update 1", outcomes.get(4), "UPDATE");
      Check.isTrue(!outcomes.get(5).startsWith("error"), "COMMIT statement: " + outcomes);
      Check.equal("rows 1=renamed,2=script 2,2000=script", outcomes.get(6), "final SELECT");
      Check.equal(true, c.isValid(5), "the connection is still valid");
      Check.equal("script", Target.noteName(other, 2000), "committed insert, seen elsewhere");
      Check.equal("script 2", Target.noteName(other, 2), "committed update, seen elsewhere");
    }
  }

  /** One statement as SQLQueryJob runs it; its outcome as text. */
  private static String run(Connection c, String sql) {
    try (Statement s = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
      s.setMaxRows(200);
      String outcome = s.execute(sql) ? rows(s.getResultSet()) : "update " + updateCount(s);
      s.getWarnings();
      s.clearWarnings();
      return outcome;
    } catch (SQLException e) {
      Check.sqlState("", e, "SQLSTATE of " + sql); // never 08xxx
      return "error " + e.getSQLState();
    }
  }

  private static long updateCount(Statement s) throws SQLException {
    try {
      return s.getLargeUpdateCount();
    } catch (SQLException | UnsupportedOperationException e) {
      return s.getUpdateCount();
    }
  }

  private static String rows(ResultSet rs) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (rs) {
      while (rs.next()) {
        rows.add(rs.getObject(1) + "=" + rs.getObject(2));
      }
    }
    return "rows " + String.join(",", rows);
  }

  /**
   * In autocommit mode: errors at execute and at prepare; the same statement and connection work.
   */
  private static void autocommitErrors(Target t) throws SQLException {
    try (Connection c = t.connect(t.second());
        Statement s = c.createStatement()) {
      SQLException syntax = Check.fails(() -> s.execute("SELECT FROM WHERE"), "syntax error");
      Check.sqlState("42", syntax, "syntax error");
      SQLException table = Check.fails(() -> s.executeQuery("SELECT * FROM NOPE"), "no table");
      Check.sqlState("42", table, "unknown table");
      SQLException prepare =
          Check.fails(() -> c.prepareStatement("SELECT NOPE FROM NOTES"), "prepare");
      Check.sqlState("42", prepare, "unknown column at prepare");
      Check.equal(false, c.isClosed(), "not closed by the errors");
      Check.equal(true, c.isValid(5), "valid after the errors");
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM NOTES")) {
        Check.isTrue(rs.next(), "a count row");
        Check.equal(3L, rs.getLong(1), "the same statement runs the next query");
      }
    }
  }
}
