package io.cesiumdb.sql.meta;

import static io.cesiumdb.sql.meta.MetaNode.column;
import static io.cesiumdb.sql.meta.MetaNode.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code DatabaseMetaData} through the real driver, read by label as DBeaver reads it, and the
 * {@code INFORMATION_SCHEMA} tables reporting the same facts.
 */
class JdbcMetadataTest {
  private static MetaNode node;

  @BeforeAll
  static void start() throws Exception {
    node = MetaNode.start();
    node.run(
        "create schema shop",
        "create table shop.orders (region varchar(8) not null, id bigint not null,"
            + " total decimal(12, 2) default 0, placed timestamp, note varchar,"
            + " primary key (region, id))",
        "create table shop.order_lines (id bigint primary key, qty integer)",
        "create table shop.orderxlines (id bigint primary key)",
        "create table people (id integer primary key, name varchar(40))");
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  @Test
  void catalogsAreEmptyAndSchemasIncludeInformationSchema() throws SQLException {
    try (Connection c = node.connect()) {
      DatabaseMetaData md = c.getMetaData();
      assertEquals(List.of(), column(md.getCatalogs(), "TABLE_CAT"));
      assertEquals(
          List.of("INFORMATION_SCHEMA", "PUBLIC", "SHOP"),
          column(md.getSchemas(null, "%"), "TABLE_SCHEM"));
      assertEquals(List.of("SHOP"), column(md.getSchemas(null, "SH%"), "TABLE_SCHEM"));
      assertEquals(List.of(), column(md.getSchemas("other", "%"), "TABLE_SCHEM"));
      assertNull(c.getCatalog());
      assertEquals(List.of("SYSTEM TABLE", "TABLE"), column(md.getTableTypes(), "TABLE_TYPE"));
    }
  }

  @Test
  void tablesAreListedByTypeWithExactNamesWinningOverWildcards() throws SQLException {
    try (Connection c = node.connect()) {
      DatabaseMetaData md = c.getMetaData();
      List<String> all = new ArrayList<>();
      try (ResultSet rs = md.getTables(null, null, "%", null)) {
        while (rs.next()) {
          assertNull(rs.getString("TABLE_CAT"));
          all.add(
              rs.getString("TABLE_SCHEM")
                  + "."
                  + rs.getString("TABLE_NAME")
                  + ":"
                  + rs.getString("TABLE_TYPE"));
        }
      }
      assertEquals(
          List.of(
              "INFORMATION_SCHEMA.COLUMNS:SYSTEM TABLE",
              "INFORMATION_SCHEMA.KEY_COLUMN_USAGE:SYSTEM TABLE",
              "INFORMATION_SCHEMA.SCHEMATA:SYSTEM TABLE",
              "INFORMATION_SCHEMA.TABLES:SYSTEM TABLE",
              "INFORMATION_SCHEMA.TABLE_CONSTRAINTS:SYSTEM TABLE",
              "PUBLIC.PEOPLE:TABLE",
              "SHOP.ORDERS:TABLE",
              "SHOP.ORDERXLINES:TABLE",
              "SHOP.ORDER_LINES:TABLE"),
          all);
      assertEquals(
          List.of("ORDER_LINES"),
          column(md.getTables(null, "SHOP", "ORDER_LINES", null), "TABLE_NAME"));
      assertEquals(
          List.of("ORDERXLINES", "ORDER_LINES"),
          column(md.getTables(null, "SHOP", "ORDER_LINE%", null), "TABLE_NAME"));
      assertEquals(
          List.of("PEOPLE"),
          column(md.getTables(null, null, "%", new String[] {"TABLE"}), "TABLE_NAME")
              .subList(0, 1));
      assertEquals(
          List.of(),
          column(md.getTables(null, null, "DBEAVERFAKETABLENAMEFORPING", null), "TABLE_NAME"));
    }
  }

  @Test
  void columnsCarryTheStandardLabels() throws SQLException {
    try (Connection c = node.connect();
        ResultSet rs = c.getMetaData().getColumns(null, "SHOP", "ORDERS", "%")) {
      List<String> seen = new ArrayList<>();
      while (rs.next()) {
        assertNull(rs.getString("TABLE_CAT"));
        assertEquals("SHOP", rs.getString("TABLE_SCHEM"));
        assertEquals("ORDERS", rs.getString("TABLE_NAME"));
        seen.add(
            rs.getInt("ORDINAL_POSITION")
                + ":"
                + rs.getString("COLUMN_NAME")
                + ":"
                + rs.getString("TYPE_NAME")
                + ":"
                + rs.getInt("DATA_TYPE")
                + ":"
                + rs.getInt("COLUMN_SIZE")
                + ":"
                + rs.getString("DECIMAL_DIGITS")
                + ":"
                + rs.getInt("NULLABLE")
                + ":"
                + rs.getString("IS_NULLABLE")
                + ":"
                + rs.getString("COLUMN_DEF")
                + ":"
                + rs.getString("IS_AUTOINCREMENT")
                + ":"
                + rs.getString("IS_GENERATEDCOLUMN"));
      }
      assertEquals(
          List.of(
              "1:REGION:VARCHAR:" + Types.VARCHAR + ":8:null:0:NO:null:NO:NO",
              "2:ID:BIGINT:" + Types.BIGINT + ":19:0:0:NO:null:NO:NO",
              "3:TOTAL:DECIMAL:" + Types.DECIMAL + ":12:2:1:YES:0:NO:NO",
              "4:PLACED:TIMESTAMP:" + Types.TIMESTAMP + ":23:3:1:YES:null:NO:NO",
              "5:NOTE:VARCHAR:"
                  + Types.VARCHAR
                  + ":"
                  + Integer.MAX_VALUE
                  + ":null:1:YES:null:NO:NO"),
          seen);
    }
  }

  @Test
  void typeInfoAgreesWithColumnTypes() throws SQLException {
    try (Connection c = node.connect();
        ResultSet rs = c.getMetaData().getTypeInfo()) {
      List<String> types = new ArrayList<>();
      int lastDataType = Integer.MIN_VALUE;
      while (rs.next()) {
        types.add(rs.getString("TYPE_NAME") + ":" + rs.getInt("DATA_TYPE"));
        assertTrue(rs.getInt("DATA_TYPE") >= lastDataType, "ordered by DATA_TYPE");
        lastDataType = rs.getInt("DATA_TYPE");
        assertEquals(DatabaseMetaData.typeNullable, rs.getInt("NULLABLE"));
        assertEquals(DatabaseMetaData.typeSearchable, rs.getInt("SEARCHABLE"));
        assertFalse(rs.getBoolean("UNSIGNED_ATTRIBUTE"));
        assertEquals(rs.getString("TYPE_NAME"), rs.getString("LOCAL_TYPE_NAME"));
      }
      assertEquals(10, types.size());
      assertTrue(types.contains("DECIMAL:" + Types.DECIMAL), types.toString());
      assertTrue(types.contains("VARBINARY:" + Types.VARBINARY), types.toString());
      assertTrue(types.contains("TIMESTAMP:" + Types.TIMESTAMP), types.toString());
    }
  }

  @Test
  void informationSchemaTellsTheSameAsDatabaseMetaData() throws SQLException {
    try (Connection c = node.connect()) {
      DatabaseMetaData md = c.getMetaData();
      var s = c.createStatement();
      assertEquals(
          column(md.getSchemas(), "TABLE_SCHEM"),
          column(
              s.executeQuery("select schema_name from information_schema.schemata"),
              "SCHEMA_NAME"));

      List<String> viaMetaData = new ArrayList<>();
      try (ResultSet rs = md.getColumns(null, null, "%", "%")) {
        while (rs.next()) {
          viaMetaData.add(
              rs.getString("TABLE_SCHEM")
                  + "."
                  + rs.getString("TABLE_NAME")
                  + "."
                  + rs.getString("COLUMN_NAME")
                  + ":"
                  + rs.getString("TYPE_NAME")
                  + ":"
                  + rs.getString("IS_NULLABLE")
                  + ":"
                  + rs.getInt("ORDINAL_POSITION"));
        }
      }
      List<String> viaSql = new ArrayList<>();
      for (List<Object> r :
          rows(
              s.executeQuery(
                  "select table_schema || '.' || table_name || '.' || column_name || ':'"
                      + " || data_type || ':' || is_nullable || ':' || cast(ordinal_position as varchar)"
                      + " from information_schema.columns"))) {
        viaSql.add((String) r.get(0));
      }
      assertEquals(viaMetaData, viaSql);
      assertTrue(viaSql.contains("SHOP.ORDERS.TOTAL:DECIMAL:YES:3"), viaSql.toString());

      assertEquals(
          List.of(List.of("BASE TABLE", 4L), List.of("SYSTEM TABLE", 5L)),
          rows(
              s.executeQuery(
                  "select table_type, count(*) from information_schema.tables"
                      + " group by table_type order by table_type")));
    }
  }

  /**
   * Through the driver, which runs them on INFORMATION_SCHEMA (Avatica's client has no request).
   */
  @Test
  void primaryKeysCarryTheJdbcLabelsAndKeyOrder() throws SQLException {
    try (Connection c = node.connect()) {
      DatabaseMetaData md = c.getMetaData();
      try (ResultSet rs = md.getPrimaryKeys(null, "SHOP", "ORDERS")) {
        assertEquals(
            List.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ", "PK_NAME"),
            labels(rs));
        assertEquals(Types.SMALLINT, rs.getMetaData().getColumnType(5));
        assertEquals(
            List.of(
                Arrays.asList(null, "SHOP", "ORDERS", "ID", (short) 2, "ORDERS_PK"),
                Arrays.asList(null, "SHOP", "ORDERS", "REGION", (short) 1, "ORDERS_PK")),
            rows(rs));
      }
      assertEquals(
          List.of("ORDER_LINES_PK"),
          column(md.getPrimaryKeys(null, "SHOP", "ORDER_LINES"), "PK_NAME"));
      assertEquals(
          List.of("ORDERXLINES_PK", "ORDER_LINES_PK"),
          column(md.getPrimaryKeys(null, "SH%", "ORDER%LINES"), "PK_NAME"));
      assertEquals(
          List.of("ORDER_LINES_PK"),
          column(md.getPrimaryKeys(null, "SHOP", "ORDER\\_LINE%"), "PK_NAME"));
      assertEquals(
          List.of("PEOPLE", "ORDERS", "ORDERS", "ORDERXLINES", "ORDER_LINES"),
          column(md.getPrimaryKeys(null, null, "%"), "TABLE_NAME"));
      assertEquals(List.of(), column(md.getPrimaryKeys("cat", "SHOP", "ORDERS"), "TABLE_NAME"));
      assertEquals(List.of(), column(md.getPrimaryKeys(null, "SHOP", "NOPE"), "TABLE_NAME"));
      assertEquals(
          List.of(List.of("ORDERS_PK", "PRIMARY KEY")),
          rows(
              c.createStatement()
                  .executeQuery(
                      "select constraint_name, constraint_type from"
                          + " information_schema.table_constraints where table_name = 'ORDERS'")));
    }
  }

  @Test
  void thePrimaryKeyIsTheOneUniqueIndex() throws SQLException {
    try (Connection c = node.connect();
        ResultSet rs = c.getMetaData().getIndexInfo(null, "SHOP", "ORDERS", false, true)) {
      assertEquals(
          List.of(
              "TABLE_CAT",
              "TABLE_SCHEM",
              "TABLE_NAME",
              "NON_UNIQUE",
              "INDEX_QUALIFIER",
              "INDEX_NAME",
              "TYPE",
              "ORDINAL_POSITION",
              "COLUMN_NAME",
              "ASC_OR_DESC",
              "CARDINALITY",
              "PAGES",
              "FILTER_CONDITION"),
          labels(rs));
      List<String> seen = new ArrayList<>();
      while (rs.next()) {
        assertFalse(rs.getBoolean("NON_UNIQUE"));
        assertEquals(DatabaseMetaData.tableIndexOther, rs.getShort("TYPE"));
        assertEquals("A", rs.getString("ASC_OR_DESC"));
        seen.add(
            rs.getString("INDEX_NAME")
                + ":"
                + rs.getShort("ORDINAL_POSITION")
                + ":"
                + rs.getString("COLUMN_NAME"));
      }
      assertEquals(List.of("ORDERS_PK:1:REGION", "ORDERS_PK:2:ID"), seen);
    }
  }

  @Test
  void foreignKeysAreNoneButHaveTheJdbcColumns() throws SQLException {
    List<String> expected =
        List.of(
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
            "DEFERRABILITY");
    try (Connection c = node.connect()) {
      DatabaseMetaData md = c.getMetaData();
      for (ResultSet rs :
          List.of(
              md.getImportedKeys(null, "SHOP", "ORDERS"),
              md.getExportedKeys(null, "SHOP", "ORDERS"),
              md.getCrossReference(null, "SHOP", "ORDERS", null, "SHOP", "ORDER_LINES"))) {
        assertEquals(expected, labels(rs));
        assertEquals(List.of(), rows(rs));
      }
    }
  }

  private static List<String> labels(ResultSet rs) throws SQLException {
    List<String> out = new ArrayList<>();
    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
      out.add(rs.getMetaData().getColumnLabel(i));
    }
    return out;
  }
}
