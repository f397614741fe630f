package io.cesiumdb.tests.slt;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sqllogictest {@code INSERT INTO t [(columns)] VALUES (...), ...}: the table, the named columns
 * (empty = all, in declaration order) and each row's value expressions as text. The {@link
 * KeyPlanner} reads the literals to choose a key; {@link #withRowIds} names the harness's key
 * column and gives each row its own value.
 *
 * @param table the table name, upper-cased
 * @param columns the named columns (upper-cased), empty when the statement names none
 * @param rows each row's value expressions, trimmed
 */
record InsertSql(String table, List<String> columns, List<List<String>> rows) {
  private static final Pattern INSERT =
      Pattern.compile(
          "(?is)^\\s*INSERT\\s+INTO\\s+(\\w+)\\s*(?:\\(([^)]*)\\))?\\s*VALUES\\s*(.*)$");

  /** Parses the statement, or empty when it is not an INSERT ... VALUES this class understands. */
  static Optional<InsertSql> parse(String sql) {
    Matcher m = INSERT.matcher(sql);
    if (!m.matches()) {
      return Optional.empty();
    }
    List<String> columns = new ArrayList<>();
    if (m.group(2) != null) {
      for (String c : SqlText.splitTopLevel(m.group(2))) {
        columns.add(c.toUpperCase(Locale.ROOT));
      }
    }
    Optional<List<List<String>>> rows = tuples(m.group(3).trim());
    return rows.map(
        r -> new InsertSql(m.group(1).toUpperCase(Locale.ROOT), List.copyOf(columns), r));
  }

  private static Optional<List<List<String>>> tuples(String text) {
    List<List<String>> rows = new ArrayList<>();
    for (String tuple : SqlText.splitTopLevel(text)) {
      if (!tuple.startsWith("(") || SqlText.closingParen(tuple, 0) != tuple.length() - 1) {
        return Optional.empty();
      }
      rows.add(List.copyOf(SqlText.splitTopLevel(tuple.substring(1, tuple.length() - 1))));
    }
    return Optional.of(List.copyOf(rows));
  }

  /** The value written to {@code column} in {@code row}: its expression, or NULL if unnamed. */
  String valueOf(List<String> tableColumns, int row, String column) {
    List<String> named = columns.isEmpty() ? tableColumns : columns;
    int i = named.indexOf(column);
    return i < 0 || i >= rows.get(row).size() ? "NULL" : rows.get(row).get(i);
  }

  /**
   * The statement naming every column plus {@link CreateTableSql#ROWID}, rows numbered from {@code
   * firstRowId}.
   */
  String withRowIds(List<String> tableColumns, long firstRowId) {
    List<String> named = new ArrayList<>(columns.isEmpty() ? tableColumns : columns);
    named.add(CreateTableSql.ROWID);
    List<String> tuples = new ArrayList<>();
    for (int r = 0; r < rows.size(); r++) {
      List<String> values = new ArrayList<>(rows.get(r));
      values.add(Long.toString(firstRowId + r));
      tuples.add("(" + String.join(", ", values) + ")");
    }
    return "INSERT INTO "
        + table
        + "("
        + String.join(", ", named)
        + ") VALUES "
        + String.join(", ", tuples);
  }
}
