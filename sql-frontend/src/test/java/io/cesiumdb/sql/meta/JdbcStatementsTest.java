package io.cesiumdb.sql.meta;

import static io.cesiumdb.sql.meta.MetaNode.rows;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Statements through the real driver: DDL, DML, queries, parameters, types, limits, batches. */
class JdbcStatementsTest {
  private static final String TYPED =
      "create table typed (id bigint primary key, i integer, s smallint, d double,"
          + " n decimal(10, 2), v varchar(20) not null, b boolean, dt date, ts timestamp,"
          + " bin varbinary(8))";

  private static MetaNode node;

  @BeforeAll
  static void start() throws Exception {
    node = MetaNode.start();
    node.run(TYPED);
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  @Test
  void everyTypeRoundTripsThroughParametersAndLiterals() throws SQLException {
    try (Connection c = node.connect();
        PreparedStatement ps =
            c.prepareStatement("insert into typed values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, 1);
      ps.setInt(2, -7);
      ps.setShort(3, (short) 12);
      ps.setDouble(4, 2.5);
      ps.setBigDecimal(5, new BigDecimal("12.5"));
      ps.setString(6, "héllo");
      ps.setBoolean(7, true);
      ps.setDate(8, Date.valueOf("2024-02-29"));
      ps.setTimestamp(9, Timestamp.valueOf("2024-05-06 07:08:09.123"));
      ps.setBytes(10, new byte[] {1, 2, (byte) 0xff});
      assertEquals(1, ps.executeUpdate());
      for (int i = 2; i <= 10; i++) {
        ps.setNull(i, Types.NULL);
      }
      ps.setLong(1, 2);
      ps.setString(6, "nulls");
      assertEquals(1, ps.executeUpdate());
      c.createStatement()
          .execute(
              "insert into typed values (3, 1, 2, 3.0, 4.56, 'lit', false, DATE '1999-12-31',"
                  + " TIMESTAMP '2000-01-01 00:00:00', X'0a0b')");

      List<List<Object>> rows = rows(c.createStatement().executeQuery("select * from typed"));
      List<Object> full = rows.get(0);
      assertEquals(
          List.of(1L, -7, (short) 12, 2.5, new BigDecimal("12.50"), "héllo", true),
          full.subList(0, 7));
      assertEquals(Date.valueOf("2024-02-29"), full.get(7));
      assertEquals(Timestamp.valueOf("2024-05-06 07:08:09.123"), full.get(8));
      assertArrayEquals(new byte[] {1, 2, (byte) 0xff}, (byte[]) full.get(9));
      assertEquals(Arrays.asList(2L, null, null, null, null, "nulls"), rows.get(1).subList(0, 6));
      assertNull(rows.get(1).get(9));
      assertEquals(Date.valueOf("1999-12-31"), rows.get(2).get(7));
      assertEquals(Timestamp.valueOf("2000-01-01 00:00:00"), rows.get(2).get(8));
      assertArrayEquals(new byte[] {10, 11}, (byte[]) rows.get(2).get(9));
    }
  }

  @Test
  void resultSetMetaDataDescribesTypesAndTheTableColumnsShown() throws SQLException {
    try (Connection c = node.connect();
        ResultSet rs =
            c.createStatement()
                .executeQuery("select id, n as amount, v, ts, bin, id + 1 as plus1 from typed")) {
      ResultSetMetaData md = rs.getMetaData();
      assertEquals(6, md.getColumnCount());
      assertEquals(Types.BIGINT, md.getColumnType(1));
      assertEquals("BIGINT", md.getColumnTypeName(1));
      assertEquals(ResultSetMetaData.columnNoNulls, md.isNullable(1));
      assertEquals(Types.DECIMAL, md.getColumnType(2));
      assertEquals(10, md.getPrecision(2));
      assertEquals(2, md.getScale(2));
      assertEquals("AMOUNT", md.getColumnLabel(2));
      assertEquals("N", md.getColumnName(2));
      assertEquals(ResultSetMetaData.columnNullable, md.isNullable(2));
      assertEquals(Types.VARCHAR, md.getColumnType(3));
      assertEquals(20, md.getPrecision(3));
      assertEquals(Types.TIMESTAMP, md.getColumnType(4));
      assertEquals(3, md.getScale(4));
      assertEquals(Types.VARBINARY, md.getColumnType(5));
      for (int i = 1; i <= 5; i++) {
        assertEquals("TYPED", md.getTableName(i), "column " + i);
        assertEquals("PUBLIC", md.getSchemaName(i), "column " + i);
      }
      String computed = md.getTableName(6);
      assertTrue(computed == null || computed.isEmpty(), computed);
      assertEquals("PLUS1", md.getColumnName(6));
    }
  }

  @Test
  void setMaxRowsCutsTheResultAndSmallFetchSizesReadEveryRowInOrder() throws SQLException {
    try (Connection c = node.connect()) {
      c.createStatement().execute("create table many (k integer primary key, v varchar)");
      try (PreparedStatement ins = c.prepareStatement("insert into many values (?, ?)")) {
        for (int k = 0; k < 250; k++) {
          ins.setInt(1, k);
          ins.setString(2, "v" + k);
          ins.addBatch();
        }
        long[] counts = ins.executeLargeBatch();
        assertEquals(250, counts.length);
        assertTrue(Arrays.stream(counts).allMatch(n -> n == 1));
      }
      Statement s = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
      s.setMaxRows(200);
      assertTrue(s.execute("select * from many"));
      assertEquals(200, rows(s.getResultSet()).size());
      s.setMaxRows(0);
      assertEquals(250, rows(s.executeQuery("select * from many")).size());

      PreparedStatement q = c.prepareStatement("select k from many where k >= ? order by k");
      q.setFetchSize(7);
      q.setInt(1, 10);
      List<Integer> keys = new ArrayList<>();
      for (List<Object> row : rows(q.executeQuery())) {
        keys.add((Integer) row.get(0));
      }
      assertEquals(240, keys.size());
      for (int i = 0; i < keys.size(); i++) {
        assertEquals(10 + i, keys.get(i));
      }
    }
  }

  @Test
  void executeReportsUpdateCountsAndWhetherRowsCame() throws SQLException {
    try (Connection c = node.connect();
        Statement s = c.createStatement()) {
      assertFalse(s.execute("create table counted (k integer primary key, v integer)"));
      assertEquals(0, s.getUpdateCount());
      assertEquals(3, s.executeUpdate("insert into counted values (1, 1), (2, 1), (3, 2)"));
      assertFalse(s.execute("update counted set v = 9 where v = 1"));
      assertEquals(2, s.getLargeUpdateCount());
      assertEquals(1, s.executeUpdate("delete from counted where k = 3"));
      assertTrue(s.execute("select count(*) from counted where v = 9"));
      assertEquals(List.of(List.of(2L)), rows(s.getResultSet()));

      s.addBatch("insert into counted values (10, 0)");
      s.addBatch("update counted set v = v + 1");
      s.addBatch("create table counted_too (k integer primary key)");
      assertArrayEquals(new int[] {1, 3, 0}, s.executeBatch());
    }
  }

  @Test
  void aScriptRunsStatementByStatementAsDbeaverSplitsIt() throws SQLException {
    String[] script = {
      "-- a table for the script\ncreate table script_t (id integer primary key, name varchar)\n",
      "/* two rows */ insert into script_t values (1, 'a'), (2, 'b')",
      "update script_t set name = 'B' where id = 2\n\n",
      "select name from script_t order by id"
    };
    try (Connection c = node.connect();
        Statement s = c.createStatement()) {
      assertFalse(s.execute(script[0]));
      assertFalse(s.execute(script[1]));
      assertEquals(2, s.getUpdateCount());
      assertFalse(s.execute(script[2]));
      assertEquals(1, s.getUpdateCount());
      assertTrue(s.execute(script[3]));
      assertEquals(List.of(List.of("a"), List.of("B")), rows(s.getResultSet()));
    }
  }

  @Test
  void parametersAreDescribedAndStringsBindToDatesAndTimestamps() throws SQLException {
    try (Connection c = node.connect()) {
      c.createStatement()
          .execute("create table events (id integer primary key, day1 date, ts timestamp)");
      PreparedStatement ins = c.prepareStatement("insert into events values (?, ?, ?)");
      ParameterMetaData pm = ins.getParameterMetaData();
      assertEquals(3, pm.getParameterCount());
      assertEquals(Types.INTEGER, pm.getParameterType(1));
      assertEquals(Types.DATE, pm.getParameterType(2));
      assertEquals(Types.TIMESTAMP, pm.getParameterType(3));
      ins.setInt(1, 1);
      ins.setString(2, "2024-02-29");
      ins.setString(3, "2024-02-29 10:11:12.5");
      assertEquals(1, ins.executeUpdate());

      PreparedStatement q = c.prepareStatement("select id from events where day1 = ? and ts = ?");
      q.setDate(1, Date.valueOf("2024-02-29"));
      q.setTimestamp(2, Timestamp.valueOf("2024-02-29 10:11:12.5"));
      assertEquals(List.of(List.of(1)), rows(q.executeQuery()));
    }
  }
}
