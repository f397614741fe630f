package io.cesiumdb.sql.meta;

import static io.cesiumdb.sql.meta.MetaNode.column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Replays what DBeaver does with a Generic JDBC driver (../shared/design/dbeaver-jdbc-calls.md),
 * section by section, through the real driver: the calls it makes in that order and the labels and
 * values it reads back. Section letters refer to that document.
 */
class DbeaverSessionTest {
  private static MetaNode node;

  @BeforeAll
  static void start() throws Exception {
    node = MetaNode.start();
    node.run(
        "create table items (id bigint primary key, qty integer, price double,"
            + " name varchar(30), active boolean, added timestamp, born date)",
        "create table notes (id bigint primary key, name varchar(30))",
        "insert into notes values (1, 'note 1')");
    try (Connection c = node.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "insert into items values (?, ?, ?, ?, ?, TIMESTAMP '2024-01-02 03:04:05', ?)")) {
      for (int i = 1; i <= 250; i++) {
        ps.setLong(1, i);
        ps.setInt(2, i % 7);
        ps.setDouble(3, i / 4.0);
        ps.setString(4, "item " + i);
        ps.setBoolean(5, i % 2 == 0);
        ps.setDate(6, java.sql.Date.valueOf("2020-01-01"));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  /** (a) 1-8, (g), (a) 10-11: connect, set defaults, probe features, load types and schemas. */
  @Test
  void aConnectAndInitialiseTheMetadataConnection() throws Exception {
    Driver driver = DriverManager.getDriver(node.url()).getClass().getConstructor().newInstance();
    Properties props = new Properties();
    props.setProperty("user", MetaNode.USER);
    props.setProperty("password", MetaNode.PASSWORD);
    driver.getPropertyInfo(node.url(), props);
    assertTrue(driver.acceptsURL(node.url()));
    try (Connection main = driver.connect(node.url(), props);
        Connection meta = driver.connect(node.url(), props);
        Connection editor = driver.connect(node.url(), props)) {
      assertNotNull(main);
      main.setAutoCommit(false); // a "Production" connection type
      assertFalse(main.getAutoCommit());
      assertNull(main.getCatalog());
      assertEquals("PUBLIC", main.getSchema());
      main.commit(); // "Start transaction" with nothing open
      meta.setAutoCommit(true);
      assertTrue(meta.getAutoCommit());
      editor.setSchema(main.getSchema());

      DatabaseMetaData md = meta.getMetaData();
      md.getDatabaseMajorVersion();
      md.getDatabaseMinorVersion();
      assertEquals("\"", md.getIdentifierQuoteString());
      assertTrue(md.storesUpperCaseIdentifiers());
      assertFalse(md.storesLowerCaseIdentifiers());
      assertEquals(".", md.getCatalogSeparator());
      assertEquals(DatabaseProperties.KEYWORDS, md.getSQLKeywords());
      assertTrue(md.getNumericFunctions().contains("ABS"));
      assertFalse(md.getStringFunctions().isEmpty());
      assertFalse(md.getTimeDateFunctions().isEmpty());
      md.getSystemFunctions();
      md.getSQLStateType();
      md.getDatabaseProductName();
      md.getDatabaseProductVersion();
      md.getDriverName();
      md.getSchemaTerm();
      assertTrue(md.supportsBatchUpdates());
      assertTrue(md.supportsTransactions()); // false would disable DBeaver's transaction UI
      List<Integer> levels = new ArrayList<>();
      for (int level : new int[] {0, 1, 2, 4, 8}) {
        if (md.supportsTransactionIsolationLevel(level)) {
          levels.add(level);
        }
      }
      assertEquals(List.of(Connection.TRANSACTION_SERIALIZABLE), levels);
      assertFalse(md.supportsCatalogsInDataManipulation()); // no catalog in qualified names
      assertTrue(md.supportsSchemasInDataManipulation());
      List<String> typeNames = new ArrayList<>();
      try (ResultSet rs = md.getTypeInfo()) {
        while (rs.next()) {
          typeNames.add(rs.getString("TYPE_NAME"));
          rs.getInt("DATA_TYPE");
          rs.getString("LOCAL_TYPE_NAME");
          rs.getBoolean("UNSIGNED_ATTRIBUTE");
          rs.getInt("SEARCHABLE");
          rs.getInt("PRECISION");
          rs.getInt("MINIMUM_SCALE");
          rs.getInt("MAXIMUM_SCALE");
        }
      }
      assertTrue(
          typeNames.containsAll(List.of("BIGINT", "VARCHAR", "TIMESTAMP")), typeNames.toString());
      assertEquals(List.of(), column(md.getCatalogs(), "TABLE_CAT"));
      assertTrue(column(md.getSchemas(null, "%"), "TABLE_SCHEM").contains("PUBLIC"));

      assertFalse(meta.isClosed());
      assertTrue(meta.isValid(5));
      assertEquals(
          List.of(),
          column(md.getTables(null, null, "DBEAVERFAKETABLENAMEFORPING", null), "TABLE_NAME"));
      main.rollback(); // (a) 12: manual mode disconnects with rollback, then close
    }
  }

  /** (b): the navigator tree, read by label. */
  @Test
  void bNavigatorLoadsTablesColumnsKeysAndIndexes() throws SQLException {
    try (Connection c = node.connect()) {
      DatabaseMetaData md = c.getMetaData();
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = md.getTables(null, "PUBLIC", "%", null)) {
        while (rs.next()) {
          tables.add(
              rs.getString("TABLE_SCHEM")
                  + "."
                  + rs.getString("TABLE_NAME")
                  + ":"
                  + rs.getString("TABLE_TYPE"));
          assertNull(rs.getString("REMARKS"));
        }
      }
      assertEquals(List.of("PUBLIC.ITEMS:TABLE", "PUBLIC.NOTES:TABLE"), tables);
      List<String> columns = new ArrayList<>();
      try (ResultSet rs = md.getColumns(null, "PUBLIC", "ITEMS", "%")) {
        while (rs.next()) {
          columns.add(rs.getString("COLUMN_NAME") + ":" + rs.getString("TYPE_NAME"));
          for (String label :
              List.of(
                  "DATA_TYPE",
                  "SOURCE_DATA_TYPE",
                  "COLUMN_SIZE",
                  "NULLABLE",
                  "DECIMAL_DIGITS",
                  "NUM_PREC_RADIX",
                  "CHAR_OCTET_LENGTH",
                  "ORDINAL_POSITION")) {
            rs.getInt(label);
          }
          for (String label :
              List.of("COLUMN_DEF", "REMARKS", "IS_AUTOINCREMENT", "IS_GENERATEDCOLUMN")) {
            rs.getString(label);
          }
        }
      }
      assertEquals(
          List.of(
              "ID:BIGINT",
              "QTY:INTEGER",
              "PRICE:DOUBLE",
              "NAME:VARCHAR",
              "ACTIVE:BOOLEAN",
              "ADDED:TIMESTAMP",
              "BORN:DATE"),
          columns);
      // Row identity for editing: the primary key, and the same columns as a unique index.
      assertEquals(
          List.of("ITEMS:ITEMS_PK:ID:1"),
          readLabels(
              md.getPrimaryKeys(null, "PUBLIC", "ITEMS"),
              "TABLE_NAME",
              "PK_NAME",
              "COLUMN_NAME",
              "KEY_SEQ"));
      assertEquals(
          List.of("ITEMS:ITEMS_PK:false::3:1:ID:A"),
          readLabels(
              md.getIndexInfo(null, "PUBLIC", "ITEMS", false, true),
              "TABLE_NAME",
              "INDEX_NAME",
              "NON_UNIQUE",
              "INDEX_QUALIFIER",
              "TYPE",
              "ORDINAL_POSITION",
              "COLUMN_NAME",
              "ASC_OR_DESC"));
      readLabels(md.getIndexInfo(null, "PUBLIC", "ITEMS", false, true), "CARDINALITY");
      assertEquals(
          List.of("ITEMS_PK", "NOTES_PK"),
          readLabels(md.getIndexInfo(null, "PUBLIC", "%", false, true), "INDEX_NAME"));
      String[] foreignKeyLabels = {
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
      assertEquals(
          List.of(), readLabels(md.getImportedKeys(null, "PUBLIC", "ITEMS"), foreignKeyLabels));
      assertEquals(
          List.of(), readLabels(md.getExportedKeys(null, "PUBLIC", "ITEMS"), foreignKeyLabels));
      readLabels(md.getFunctions(null, "PUBLIC", "%"), "FUNCTION_NAME");
      readLabels(md.getProcedures(null, "PUBLIC", "%"), "PROCEDURE_NAME");
      assertTrue(column(md.getTableTypes(), "TABLE_TYPE").contains("TABLE"));
    }
  }

  /** (c): the Data tab, its second page, and the row count. */
  @Test
  void cDataTabReadsTwoHundredRowsThenTheNextPageThenTheCount() throws SQLException {
    try (Connection c = node.connect()) {
      Statement s = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
      s.setMaxRows(200);
      assertTrue(s.execute("SELECT * FROM PUBLIC.ITEMS"));
      ResultSet rs = s.getResultSet();
      ResultSetMetaData md = rs.getMetaData();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        assertEquals("ITEMS", md.getTableName(i));
        assertEquals("PUBLIC", md.getSchemaName(i));
        assertTrue(md.isWritable(i));
        assertEquals(md.getColumnLabel(i), md.getColumnName(i));
        md.getCatalogName(i);
        md.getColumnDisplaySize(i);
        md.isAutoIncrement(i);
        md.getPrecision(i);
        md.getScale(i);
      }
      assertEquals(ResultSetMetaData.columnNoNulls, md.isNullable(1));
      int rows = 0;
      while (rs.next()) {
        rows++;
        assertInstanceOf(Number.class, rs.getObject(1));
        assertFalse(rs.wasNull());
        assertEquals(rs.getLong(1) % 7, rs.getLong(2));
        assertEquals(rs.getLong(1) / 4.0, rs.getDouble(3));
        assertEquals("item " + rs.getLong(1), rs.getObject(4));
        assertEquals(rs.getLong(1) % 2 == 0, rs.getBoolean(5));
        assertEquals(Timestamp.valueOf("2024-01-02 03:04:05"), rs.getObject(6));
        assertEquals(java.sql.Date.valueOf("2020-01-01"), rs.getDate(7));
      }
      assertEquals(200, rows);
      rs.close();
      s.close();

      Statement next = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
      next.setMaxRows(400);
      ResultSet page2 =
          next.executeQuery("SELECT * FROM PUBLIC.ITEMS WHERE ID > 0 ORDER BY ID DESC");
      for (int skip = 0; skip < 200; skip++) {
        assertTrue(page2.next());
      }
      assertEquals(List.of(50L, 49L), List.of(nextId(page2), nextId(page2)));

      PreparedStatement count =
          c.prepareStatement(
              "SELECT COUNT(*) FROM PUBLIC.ITEMS",
              ResultSet.TYPE_FORWARD_ONLY,
              ResultSet.CONCUR_READ_ONLY);
      assertTrue(count.execute());
      ResultSet n = count.getResultSet();
      assertTrue(n.next());
      assertEquals(250L, ((Number) n.getObject(1)).longValue());
    }
  }

  /** (d) and (f): edit and save in manual-commit mode, then switch back to autocommit. */
  @Test
  void dEditsSaveInManualModeAndCommitOrRollBack() throws SQLException {
    try (Connection c = node.connect();
        Connection other = node.connect()) {
      c.setAutoCommit(false);
      assertFalse(c.getAutoCommit());
      assertEquals(Connection.TRANSACTION_SERIALIZABLE, c.getTransactionIsolation());
      PreparedStatement update =
          c.prepareStatement(
              "UPDATE PUBLIC.NOTES\n\tSET NAME=?\n\tWHERE ID=?",
              ResultSet.TYPE_FORWARD_ONLY,
              ResultSet.CONCUR_READ_ONLY);
      update.setString(1, "renamed");
      update.setLong(2, 1);
      assertFalse(update.execute());
      assertEquals(1, update.getLargeUpdateCount());
      update.getWarnings();
      update.clearWarnings();
      update.close();
      PreparedStatement insert =
          c.prepareStatement("INSERT INTO PUBLIC.NOTES (ID,NAME)\n\tVALUES (?,?)");
      insert.setLong(1, 1000);
      insert.setString(2, "new");
      assertFalse(insert.execute());
      assertEquals(1, insert.getUpdateCount());
      assertEquals("note 1", name(other, 1));
      c.commit();
      assertEquals("renamed", name(other, 1));
      assertEquals("new", name(other, 1000));

      PreparedStatement delete = c.prepareStatement("DELETE FROM PUBLIC.NOTES WHERE ID=?");
      delete.setLong(1, 1000);
      assertFalse(delete.execute());
      c.rollback();
      assertEquals("new", name(other, 1000));
      delete.setLong(1, 1000);
      delete.execute();
      c.setAutoCommit(true); // commits at once, with no explicit commit first
      assertNull(name(other, 1000));
      assertTrue(c.getAutoCommit()); // DBeaver's toggle reads it back

      c.setAutoCommit(false); // "smart commit": the same prepared statement, now in manual mode
      delete.setLong(1, 1);
      assertFalse(delete.execute());
      assertEquals("renamed", name(other, 1));
      c.rollback();
      assertEquals("renamed", name(c, 1));
    }
  }

  /** (e): a script split by DBeaver; an error in the middle; COMMIT as a statement. */
  @Test
  void eScriptErrorsKeepTheConnectionAndCommitStatementsWork() throws SQLException {
    try (Connection c = node.connect()) {
      c.setAutoCommit(false);
      Statement s = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
      s.setMaxRows(200);
      assertFalse(s.execute("-- first\nINSERT INTO NOTES (ID, NAME) VALUES (2000, 'script')\n"));
      assertEquals(1, s.getLargeUpdateCount());
      SQLException e = assertThrows(SQLException.class, () -> s.execute("SELEC * FROM NOTES"));
      assertEquals("42601", e.getSQLState());
      SQLException dup =
          assertThrows(SQLException.class, () -> s.execute("INSERT INTO NOTES (ID) VALUES (2000)"));
      assertEquals("23505", dup.getSQLState());
      assertFalse(s.execute("COMMIT"));
      c.commit();
      try (Connection other = node.connect()) {
        assertEquals("script", name(other, 2000));
      }
      s.getWarnings();
      s.close();
    }
  }

  /** Each row's {@code labels}, read as DBeaver does (by label, as strings), joined by ':'. */
  private static List<String> readLabels(ResultSet rs, String... labels) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (rs) {
      for (String label : labels) {
        assertTrue(rs.findColumn(label) > 0, label);
      }
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

  private static long nextId(ResultSet rs) throws SQLException {
    assertTrue(rs.next());
    return rs.getLong("ID");
  }

  private static String name(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT NAME FROM PUBLIC.NOTES WHERE ID = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }
}
