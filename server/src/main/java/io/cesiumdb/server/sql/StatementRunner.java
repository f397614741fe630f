package io.cesiumdb.server.sql;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs one statement on a JDBC connection and prints what it returned: the rows as a table, or the
 * update count, with the elapsed time. Errors are thrown to the caller, which knows where the
 * statement came from (script line, or the shell's input).
 */
public final class StatementRunner {
  private final Connection connection;
  private final ResultPrinter printer;
  private final PrintWriter out;

  public StatementRunner(Connection connection, PrintWriter out) {
    this.connection = connection;
    this.printer = new ResultPrinter(out);
    this.out = out;
  }

  /** Executes {@code sql} and prints its result. */
  public void run(String sql) throws SQLException {
    long started = System.nanoTime();
    try (Statement st = connection.createStatement()) {
      boolean rows = st.execute(sql);
      if (rows) {
        try (ResultSet rs = st.getResultSet()) {
          int count = printer.print(rs);
          printer.summary("", count, System.nanoTime() - started);
        }
      } else {
        long updated = Math.max(0, st.getLargeUpdateCount());
        printer.summary(" affected", updated, System.nanoTime() - started);
      }
    }
    out.flush();
  }
}
