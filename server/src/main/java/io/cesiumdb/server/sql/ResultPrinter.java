package io.cesiumdb.server.sql;

import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints a result set as a text table (header, rule, one line per row, NULL shown as {@code NULL}),
 * then the row count and the time, the way psql and the MySQL client do. Cells longer than {@link
 * #MAX_CELL} characters are cut with an ellipsis; line breaks inside a cell are shown as {@code \n}
 * so one row stays one line.
 */
public final class ResultPrinter {
  /** Widest a printed cell gets. */
  static final int MAX_CELL = 60;

  private final PrintWriter out;

  public ResultPrinter(PrintWriter out) {
    this.out = out;
  }

  /** Prints every row of {@code rs}; returns how many there were. */
  public int print(ResultSet rs) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    int n = md.getColumnCount();
    List<String> header = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      header.add(cell(md.getColumnLabel(i)));
    }
    List<List<String>> rows = new ArrayList<>();
    while (rs.next()) {
      List<String> row = new ArrayList<>(n);
      for (int i = 1; i <= n; i++) {
        Object v = rs.getObject(i);
        row.add(v == null ? "NULL" : cell(String.valueOf(v)));
      }
      rows.add(row);
    }
    printTable(header, rows);
    return rows.size();
  }

  /** The closing line of a statement: row count (or update count) and elapsed time. */
  public void summary(String what, long count, long elapsedNanos) {
    String noun = count == 1 ? "row" : "rows";
    out.printf(Locale.ROOT, "(%d %s%s, %.1f ms)%n", count, noun, what, elapsedNanos / 1_000_000.0);
  }

  private void printTable(List<String> header, List<List<String>> rows) {
    int[] width = new int[header.size()];
    for (int i = 0; i < width.length; i++) {
      width[i] = header.get(i).length();
      for (List<String> r : rows) {
        width[i] = Math.max(width[i], r.get(i).length());
      }
    }
    line(header, width);
    StringBuilder rule = new StringBuilder();
    for (int i = 0; i < width.length; i++) {
      rule.append(i == 0 ? "" : "-+-").append("-".repeat(width[i]));
    }
    out.println(rule);
    rows.forEach(r -> line(r, width));
  }

  private void line(List<String> cells, int[] width) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      b.append(i == 0 ? "" : " | ").append(pad(cells.get(i), width[i]));
    }
    out.println(b.toString().stripTrailing());
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(width - s.length());
  }

  static String cell(String s) {
    String one = s.replace("\r", "").replace("\n", "\\n");
    return one.length() <= MAX_CELL ? one : one.substring(0, MAX_CELL - 1) + "…";
  }
}
