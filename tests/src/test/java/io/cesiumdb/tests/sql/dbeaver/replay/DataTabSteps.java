package io.cesiumdb.tests.sql.dbeaver.replay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.List;

/**
 * Section (c) of dbeaver-jdbc-calls.md, a table's Data tab: {@code setMaxRows(200)} on the 250-row
 * ITEMS (two tablets), the result metadata and values read the way DBeaver's handlers read them,
 * the next page, and the row count.
 */
final class DataTabSteps {
  private static final int PAGE = 200;

  private DataTabSteps() {}

  static List<Step> all(Target t) {
    return List.of(
        new Step("c-max-rows-200-caps-250-rows", () -> firstPage(t)),
        new Step("c-result-metadata-and-values", () -> metadataAndValues(t)),
        new Step("c-next-page-and-row-count", () -> nextPageAndCount(t)));
  }

  private static Statement dataTabStatement(Connection c, int maxRows) throws SQLException {
    Statement s = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
    s.setMaxRows(maxRows);
    return s;
  }

  /** The cap, and without it (a control) the whole table. */
  private static void firstPage(Target t) throws SQLException {
    try (Connection c = t.connect(t.first())) {
      try (Statement s = dataTabStatement(c, PAGE)) {
        Check.equal(PAGE, s.getMaxRows(), "getMaxRows");
        Check.equal(true, s.execute("SELECT * FROM PUBLIC.ITEMS"), "execute returns a result");
        Check.equal(PAGE, count(s.getResultSet()), "rows under setMaxRows(200)");
      }
      try (Statement s = dataTabStatement(c, 0)) {
        Check.equal(true, s.execute("SELECT * FROM PUBLIC.ITEMS"), "execute without a cap");
        Check.equal(NavigatorSteps.ITEM_ROWS, count(s.getResultSet()), "rows without a cap");
      }
    }
  }

  private static int count(ResultSet rs) throws SQLException {
    int rows = 0;
    try (rs) {
      while (rs.next()) {
        rows++;
      }
    }
    return rows;
  }

  private static void metadataAndValues(Target t) throws SQLException {
    try (Connection c = t.connect(t.second());
        Statement s = dataTabStatement(c, PAGE)) {
      Check.equal(true, s.execute("SELECT * FROM PUBLIC.ITEMS"), "execute");
      try (ResultSet rs = s.getResultSet()) {
        ResultSetMetaData md = rs.getMetaData();
        Check.equal(7, md.getColumnCount(), "column count");
        for (int i = 1; i <= md.getColumnCount(); i++) {
          Check.equal(md.getColumnLabel(i), md.getColumnName(i), "label = name of " + i);
          Check.equal("ITEMS", md.getTableName(i), "table of column " + i);
          Check.equal("PUBLIC", md.getSchemaName(i), "schema of column " + i);
          Check.equal(true, md.isWritable(i), "writable column " + i);
          md.getCatalogName(i);
          md.getColumnDisplaySize(i);
          md.isAutoIncrement(i);
          md.getPrecision(i);
          md.getScale(i);
        }
        Check.equal("ID", md.getColumnLabel(1), "first column");
        Check.equal("BIGINT", md.getColumnTypeName(1), "type of ID");
        Check.equal(ResultSetMetaData.columnNoNulls, md.isNullable(1), "ID is NOT NULL");
        int rows = 0;
        while (rs.next()) {
          rows++;
          checkRow(rs);
        }
        Check.equal(PAGE, rows, "rows read");
      }
    }
  }

  /** Values as DBeaver's handlers read them: getObject for BIGINT and VARCHAR, then wasNull. */
  private static void checkRow(ResultSet rs) throws SQLException {
    Object id = rs.getObject(1);
    Check.isTrue(id instanceof Number, "ID is a Number: " + id);
    Check.equal(false, rs.wasNull(), "wasNull after ID");
    long n = ((Number) id).longValue();
    Check.equal(n % 7, rs.getLong(2), "QTY of " + n);
    Check.equal(n / 4.0, rs.getDouble(3), "PRICE of " + n);
    Check.equal("item " + n, rs.getObject(4), "NAME of " + n);
    Check.equal(n % 2 == 0, rs.getBoolean(5), "ACTIVE of " + n);
    Check.equal(false, rs.wasNull(), "wasNull after ACTIVE");
    Check.equal(Timestamp.valueOf("2024-01-02 03:04:05"), rs.getObject(6), "ADDED of " + n);
    Check.equal(java.sql.Date.valueOf("2020-01-01"), rs.getDate(7), "BORN of " + n);
  }

  /** "Fetch next page" re-executes with setMaxRows(offset + 200) and skips; then COUNT(*). */
  private static void nextPageAndCount(Target t) throws SQLException {
    try (Connection c = t.connect(t.first())) {
      try (Statement s = dataTabStatement(c, 2 * PAGE);
          ResultSet rs = s.executeQuery("SELECT * FROM PUBLIC.ITEMS ORDER BY ID DESC")) {
        for (int skip = 0; skip < PAGE; skip++) {
          Check.isTrue(rs.next(), "row " + skip + " of the first page");
        }
        long expected = NavigatorSteps.ITEM_ROWS - PAGE;
        int rest = 0;
        while (rs.next()) {
          Check.equal(expected - rest, rs.getLong("ID"), "ID on the second page");
          rest++;
        }
        Check.equal(NavigatorSteps.ITEM_ROWS - PAGE, rest, "rows on the second page");
      }
      try (PreparedStatement count =
          c.prepareStatement(
              "SELECT COUNT(*) FROM PUBLIC.ITEMS",
              ResultSet.TYPE_FORWARD_ONLY,
              ResultSet.CONCUR_READ_ONLY)) {
        Check.equal(true, count.execute(), "count returns a result");
        try (ResultSet n = count.getResultSet()) {
          Check.isTrue(n.next(), "a count row");
          Check.equal(
              (long) NavigatorSteps.ITEM_ROWS, ((Number) n.getObject(1)).longValue(), "COUNT(*)");
        }
      }
    }
  }
}
