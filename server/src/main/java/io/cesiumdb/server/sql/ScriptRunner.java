package io.cesiumdb.server.sql;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.List;

/**
 * Runs a script statement by statement ({@code cesium sql -f}). By default it stops at the first
 * error; with {@code continueOnError} it reports the error and goes on. Every error names the
 * script, the line on which the failing statement starts, the SQLSTATE and the message.
 */
public final class ScriptRunner {
  private final StatementRunner runner;
  private final PrintWriter err;
  private final boolean continueOnError;

  public ScriptRunner(StatementRunner runner, PrintWriter err, boolean continueOnError) {
    this.runner = runner;
    this.err = err;
    this.continueOnError = continueOnError;
  }

  /** Runs {@code text}, named {@code source} in errors; returns how many statements failed. */
  public int run(String source, String text) {
    List<ScriptStatement> statements = StatementSplitter.script(text);
    int failed = 0;
    for (ScriptStatement s : statements) {
      try {
        runner.run(s.sql());
      } catch (SQLException e) {
        failed++;
        err.println(describe(source, s.line(), e));
        err.flush();
        if (!continueOnError) {
          return failed;
        }
      }
    }
    return failed;
  }

  /**
   * {@code script.sql:12: ERROR 42601: message} (the SQLSTATE omitted when the driver gave none).
   */
  static String describe(String source, int line, SQLException e) {
    String state = e.getSQLState() == null ? "" : " " + e.getSQLState();
    return source + ":" + line + ": ERROR" + state + ": " + e.getMessage();
  }
}
