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
   * Avatica's client answers getPrimaryKeys/getIndexInfo locally (empty); the facts are in
   * KEY_COLUMN_USAGE, in a shape a driver can return as getPrimaryKeys as it is.
   */
  @Test
  void primaryKeysAreQueryableInTheShapeOfGetPrimaryKeys() throws SQLException {
    String sql =
        "select cast(null as varchar) as table_cat, table_schema as table_schem, table_name,"
            + " column_name, cast(ordinal_position as smallint) as key_seq,"
            + " constraint_name as pk_name from information_schema.key_column_usage"
            + " where table_schema = ? and table_name = ? order by column_name";
    try (Connection c = node.connect();
        var ps = c.prepareStatement(sql)) {
      ps.setString(1, "SHOP");
      ps.setString(2, "ORDERS");
      List<String> keys = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          keys.add(
              rs.getString("COLUMN_NAME")
                  + ":"
                  + rs.getShort("KEY_SEQ")
                  + ":"
                  + rs.getString("PK_NAME"));
          assertNull(rs.getString("TABLE_CAT"));
        }
      }
      assertEquals(List.of("ID:2:ORDERS_PK", "REGION:1:ORDERS_PK"), keys);
      assertEquals(
          List.of(List.of("ORDERS_PK", "PRIMARY KEY")),
          rows(
              c.createStatement()
                  .executeQuery(
                      "select constraint_name, constraint_type from"
                          + " information_schema.table_constraints where table_name = 'ORDERS'")));
    }
  }
}
