package io.cesiumdb.tests.sql.dbeaver.replay;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The replay's tables, then section (b) of dbeaver-jdbc-calls.md: the navigator tree read by label
 * — tables, columns, the composite primary key and its index, (absent) foreign keys, procedures.
 *
 * <p>ORDER_LINES has a composite key; ORDERXLINES exists only because DBeaver passes {@code
 * ORDER_LINES} unescaped, where {@code _} is a LIKE wildcard that would also match it.
 */
final class NavigatorSteps {
  static final int ITEM_ROWS = 250;

  private static final String[] FOREIGN_KEY_LABELS = {
    "PKTABLE_CAT",
    "PKTABLE_SCHEM",
    "PKTABLE_NAME",
    "PKCOLUMN_NAME",
    "FKTABLE_CAT",
    "FKTABLE_SCHEM",
    "FKTABLE_NAME",
    "FKCOLUMN_NAME",
    "KEY_SEQ",
    "UPDATE_RULE",
    "DELETE_RULE",
    "FK_NAME",
    "PK_NAME",
    "DEFERRABILITY"
  };

  private NavigatorSteps() {}

  static List<Step> all(Target t) {
    return List.of(
        new Step("setup-tables-and-rows", () -> setUp(t)),
        new Step("b-tables", () -> tables(t)),
        new Step("b-columns", () -> columns(t)),
        new Step("b-composite-primary-key", () -> primaryKey(t)),
        new Step("b-composite-key-index", () -> indexes(t)),
        new Step("b-foreign-keys-procedures-table-types", () -> rest(t)));
  }

  private static void setUp(Target t) throws SQLException {
    try (Connection c = t.connect(t.first());
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE ITEMS (ID BIGINT NOT NULL, QTY INTEGER, PRICE DOUBLE, NAME VARCHAR(30),"
              + " ACTIVE BOOLEAN, ADDED TIMESTAMP, BORN DATE, PRIMARY KEY (ID)) SPLIT AT ((125))");
      s.execute("CREATE TABLE NOTES (ID BIGINT NOT NULL, NAME VARCHAR(30), PRIMARY KEY (ID))");
      s.execute(
          "CREATE TABLE ORDER_LINES (ORDER_ID BIGINT NOT NULL, LINE_NO INTEGER NOT NULL,"
              + " SKU VARCHAR(20), QTY INTEGER, PRIMARY KEY (ORDER_ID, LINE_NO))");
      s.execute(
          "CREATE TABLE ORDERXLINES (ID BIGINT NOT NULL, NOTE VARCHAR(10), PRIMARY KEY (ID))");
      for (int from = 1; from <= ITEM_ROWS; from += 50) {
        Check.equal(50, s.executeUpdate(itemsInsert(from, from + 49)), "items inserted");
      }
      Check.equal(
          2, s.executeUpdate("INSERT INTO NOTES VALUES (1, 'note 1'), (2, 'note 2')"), "notes");
      Check.equal(
          3,
          s.executeUpdate(
              "INSERT INTO ORDER_LINES VALUES (7, 1, 'apple', 3), (7, 2, 'pear', 1),"
                  + " (8, 1, 'plum', 9)"),
          "order lines");
    }
  }

  /** Rows {@code from..to} of ITEMS: qty = id % 7, price = id / 4, even ids active. */
  private static String itemsInsert(int from, int to) {
    StringBuilder sql = new StringBuilder("INSERT INTO ITEMS VALUES ");
    for (int i = from; i <= to; i++) {
      sql.append(i == from ? "" : ", ")
          .append("(" + i + ", " + (i % 7) + ", " + (i / 4.0) + "E0, 'item " + i + "', ")
          .append(i % 2 == 0)
          .append(", TIMESTAMP '2024-01-02 03:04:05', DATE '2020-01-01')");
    }
    return sql.toString();
  }

  private static void tables(Target t) throws SQLException {
    try (Connection c = t.connect(t.second())) {
      DatabaseMetaData md = c.getMetaData();
      String[] labels = {"TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE", "REMARKS"};
      Check.equal(
          List.of(
              "PUBLIC:ITEMS:TABLE:",
              "PUBLIC:NOTES:TABLE:",
              "PUBLIC:ORDERXLINES:TABLE:",
              "PUBLIC:ORDER_LINES:TABLE:"),
          Check.rows(md.getTables(null, "PUBLIC", "%", null), "getTables", labels),
          "tables of PUBLIC");
      Check.equal(
          List.of("PUBLIC:ORDER_LINES:TABLE:"),
          Check.rows(md.getTables(null, "PUBLIC", "ORDER_LINES", null), "getTables", labels),
          "refreshing ORDER_LINES (unescaped _) finds that table only");
    }
  }

  private static void columns(Target t) throws SQLException {
    try (Connection c = t.connect(t.second())) {
      ResultSet rs = c.getMetaData().getColumns(null, "PUBLIC", "ORDER_LINES", "%");
      Check.hasLabels(
          rs,
          "getColumns",
          "SOURCE_DATA_TYPE",
          "COLUMN_SIZE",
          "DECIMAL_DIGITS",
          "NUM_PREC_RADIX",
          "COLUMN_DEF",
          "REMARKS",
          "CHAR_OCTET_LENGTH",
          "IS_AUTOINCREMENT",
          "IS_GENERATEDCOLUMN");
      Check.equal(
          List.of(
              "ORDER_ID:-5:BIGINT:0:1",
              "LINE_NO:4:INTEGER:0:2",
              "SKU:12:VARCHAR:1:3",
              "QTY:4:INTEGER:1:4"),
          Check.rows(
              rs,
              "getColumns",
              "COLUMN_NAME",
              "DATA_TYPE",
              "TYPE_NAME",
              "NULLABLE",
              "ORDINAL_POSITION"),
          "columns of ORDER_LINES (name:type:nullable:position)");
    }
  }

  /** getPrimaryKeys: JDBC orders by column name; KEY_SEQ is the position in the key. */
  private static void primaryKey(Target t) throws SQLException {
    try (Connection c = t.connect(t.first())) {
      Check.equal(
          List.of("ORDER_LINES:ORDER_LINES_PK:LINE_NO:2", "ORDER_LINES:ORDER_LINES_PK:ORDER_ID:1"),
          Check.rows(
              c.getMetaData().getPrimaryKeys(null, "PUBLIC", "ORDER_LINES"),
              "getPrimaryKeys",
              "TABLE_NAME",
              "PK_NAME",
              "COLUMN_NAME",
              "KEY_SEQ"),
          "primary key of ORDER_LINES");
    }
  }

  /** getIndexInfo: the key as a unique index, in key order; NON_UNIQUE read with getBoolean. */
  private static void indexes(Target t) throws SQLException {
    try (Connection c = t.connect(t.first())) {
      DatabaseMetaData md = c.getMetaData();
      List<String> rows = new ArrayList<>();
      try (ResultSet rs = md.getIndexInfo(null, "PUBLIC", "ORDER_LINES", false, true)) {
        Check.hasLabels(rs, "getIndexInfo", "INDEX_QUALIFIER", "CARDINALITY", "ASC_OR_DESC");
        while (rs.next()) {
          Check.equal(false, rs.getBoolean("NON_UNIQUE"), "NON_UNIQUE");
          rows.add(
              String.join(
                  ":",
                  rs.getString("TABLE_NAME"),
                  rs.getString("INDEX_NAME"),
                  String.valueOf(rs.getShort("TYPE")),
                  String.valueOf(rs.getInt("ORDINAL_POSITION")),
                  rs.getString("COLUMN_NAME"),
                  rs.getString("ASC_OR_DESC")));
        }
      }
      Check.equal(
          List.of(
              "ORDER_LINES:ORDER_LINES_PK:3:1:ORDER_ID:A",
              "ORDER_LINES:ORDER_LINES_PK:3:2:LINE_NO:A"),
          rows,
          "index rows of ORDER_LINES");
      List<String> names =
          Check.rows(
              md.getIndexInfo(null, "PUBLIC", "%", false, true), "getIndexInfo", "INDEX_NAME");
      Check.equal(
          List.of("ITEMS_PK", "NOTES_PK", "ORDERXLINES_PK", "ORDER_LINES_PK", "ORDER_LINES_PK"),
          names,
          "schema-level index rows");
    }
  }

  private static void rest(Target t) throws SQLException {
    try (Connection c = t.connect(t.first())) {
      DatabaseMetaData md = c.getMetaData();
      Check.equal(
          List.of(),
          Check.rows(
              md.getImportedKeys(null, "PUBLIC", "ORDER_LINES"), "imported", FOREIGN_KEY_LABELS),
          "imported keys");
      Check.equal(
          List.of(),
          Check.rows(
              md.getExportedKeys(null, "PUBLIC", "ORDER_LINES"), "exported", FOREIGN_KEY_LABELS),
          "exported keys");
      Check.rows(md.getFunctions(null, "PUBLIC", "%"), "getFunctions", "FUNCTION_NAME");
      Check.rows(md.getProcedures(null, "PUBLIC", "%"), "getProcedures", "PROCEDURE_NAME");
      Check.isTrue(
          Check.rows(md.getTableTypes(), "getTableTypes", "TABLE_TYPE").contains("TABLE"),
          "table types");
    }
  }
}
