package io.cesiumdb.sql.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Statement errors reach the driver with our SQLSTATEs — never class 08, which would make tools
 * drop the connection — and leave the connection usable.
 */
class JdbcErrorsTest {
  private static MetaNode node;

  @BeforeAll
  static void start() throws Exception {
    node = MetaNode.start();
    node.run(
        "create table e (id integer primary key, name varchar(3) not null, small smallint)",
        "insert into e values (1, 'a', 1)");
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  @Test
  void statementErrorsCarryTheirSqlState() throws SQLException {
    try (Connection c = node.connect();
        Statement s = c.createStatement()) {
      Map<String, Executable> cases = new LinkedHashMap<>();
      cases.put("42601", () -> s.execute("selec 1"));
      cases.put("23505", () -> s.execute("insert into e values (1, 'b', 2)"));
      cases.put("42P01", () -> s.execute("select * from nope"));
      cases.put("42703", () -> s.execute("select nope from e"));
      cases.put("23502", () -> s.execute("insert into e (id) values (2)"));
      var ps = c.prepareStatement("insert into e values (3, 'c', ?)");
      ps.setInt(1, 100_000);
      cases.put("22003", ps::executeUpdate);
      cases.put("22000", () -> s.execute("insert into e values (4, 'toolong', 1)"));
      cases.put("42P07", () -> s.execute("create table e (id integer primary key)"));
      cases.put(
          "0A000",
          () ->
              s.execute(
                  "merge into e using e f on e.id = f.id when matched then update set name = 'x'"));
      for (Map.Entry<String, Executable> kase : cases.entrySet()) {
        SQLException e = assertThrows(SQLException.class, kase.getValue(), kase.getKey());
        assertEquals(kase.getKey(), e.getSQLState(), e.getMessage());
        assertTrue(c.isValid(5), kase.getKey());
      }
      assertEquals(1, MetaNode.rows(s.executeQuery("select * from e")).size());
    }
  }

  @Test
  void prepareErrorsCarryTheirSqlStateToo() throws SQLException {
    try (Connection c = node.connect()) {
      SQLException e =
          assertThrows(SQLException.class, () -> c.prepareStatement("select * from nope"));
      assertEquals("42P01", e.getSQLState());
      SQLException syntax = assertThrows(SQLException.class, () -> c.prepareStatement("selec ?"));
      assertEquals("42601", syntax.getSQLState());
      var ps = c.prepareStatement("insert into e values (?, ?, ?)");
      ps.setInt(1, 1);
      ps.setString(2, "dup");
      ps.setShort(3, (short) 1);
      SQLException dup = assertThrows(SQLException.class, ps::executeUpdate);
      assertEquals("23505", dup.getSQLState());
      assertFalse(dup.getSQLState().startsWith("08"));
      assertTrue(c.isValid(5));
    }
  }

  @Test
  void theInformationSchemaIsReadOnly() throws SQLException {
    try (Connection c = node.connect();
        Statement s = c.createStatement()) {
      SQLException e =
          assertThrows(
              SQLException.class,
              () -> s.execute("insert into information_schema.schemata values ('x', 'y')"));
      assertFalse(e.getSQLState().startsWith("08"), e.getSQLState());
      assertFalse(e.getSQLState().equals("XX000"), e.getMessage());
      SQLException reserved =
          assertThrows(SQLException.class, () -> s.execute("create schema information_schema"));
      assertEquals("42000", reserved.getSQLState());
    }
  }

  @Test
  void aConflictAtCommitIs40001AndTheNextTransactionWorks() throws SQLException {
    node.run("create table k (id integer primary key, v integer)", "insert into k values (1, 0)");
    try (Connection a = node.connect();
        Connection b = node.connect()) {
      b.setAutoCommit(false);
      b.createStatement().executeUpdate("update k set v = 2 where id = 1");
      a.createStatement().executeUpdate("update k set v = 1 where id = 1");
      SQLException e = assertThrows(SQLException.class, b::commit);
      assertEquals("40001", e.getSQLState());
      b.rollback();
      assertEquals(1, b.createStatement().executeUpdate("update k set v = 3 where id = 1"));
      b.commit();
    }
  }
}
