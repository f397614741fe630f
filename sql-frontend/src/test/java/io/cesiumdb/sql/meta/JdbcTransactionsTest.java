package io.cesiumdb.sql.meta;

import static io.cesiumdb.sql.meta.MetaNode.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Connection state through the real driver: autocommit, commit, rollback, read-only, isolation. */
class JdbcTransactionsTest {
  private static MetaNode node;

  @BeforeAll
  static void start() throws Exception {
    node = MetaNode.start();
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  @Test
  void manualCommitMakesWritesVisibleAndRollbackDropsThem() throws SQLException {
    node.run("create table acct (id integer primary key, bal integer)");
    try (Connection writer = node.connect();
        Connection reader = node.connect()) {
      writer.setAutoCommit(false);
      assertFalse(writer.getAutoCommit());
      Statement w = writer.createStatement();
      w.executeUpdate("insert into acct values (1, 100)");
      assertEquals(List.of(List.of(1L)), rows(w.executeQuery("select count(*) from acct")));
      assertEquals(List.of(List.of(0L)), count(reader));
      writer.commit();
      assertEquals(List.of(List.of(1L)), count(reader));

      w.executeUpdate("insert into acct values (2, 200)");
      writer.rollback();
      assertEquals(List.of(List.of(1L)), count(reader));
      assertEquals(List.of(List.of(1L)), rows(w.executeQuery("select count(*) from acct")));

      w.executeUpdate("insert into acct values (3, 300)");
      writer.setAutoCommit(true); // JDBC: commits the open transaction, at once
      assertEquals(List.of(List.of(2L)), count(reader));
      assertTrue(writer.getAutoCommit());
    }
  }

  @Test
  void commitAndRollbackWithNothingOpenSucceedInEitherMode() throws SQLException {
    try (Connection c = node.connect()) {
      c.commit();
      c.rollback();
      c.setAutoCommit(false);
      c.commit();
      c.rollback();
      c.commit();
      assertTrue(c.isValid(5));
    }
  }

  /** Executing a prepared statement sends no settings: the setters must have sent them. */
  @Test
  void settingsApplyToTheNextExecutionOfAPreparedStatement() throws SQLException {
    node.run("create table prep (id integer primary key)");
    try (Connection c = node.connect();
        Connection reader = node.connect();
        PreparedStatement insert = c.prepareStatement("insert into prep values (?)")) {
      c.setAutoCommit(false);
      insert.setInt(1, 1);
      assertEquals(1, insert.executeUpdate());
      assertEquals(List.of(List.of(0L)), countPrep(reader));
      c.rollback();
      c.setAutoCommit(true);
      c.setReadOnly(true);
      insert.setInt(1, 2);
      SQLException e = assertThrows(SQLException.class, insert::executeUpdate);
      assertEquals("25006", e.getSQLState());
      c.setReadOnly(false);
      assertEquals(1, insert.executeUpdate());
      assertEquals(List.of(List.of(1L)), countPrep(reader));
    }
  }

  @Test
  void closingAConnectionRollsBackItsOpenTransaction() throws SQLException {
    node.run("create table dropped (id integer primary key)");
    Connection c = node.connect();
    c.setAutoCommit(false);
    c.createStatement().executeUpdate("insert into dropped values (1)");
    c.close();
    try (Connection other = node.connect()) {
      assertEquals(
          List.of(List.of(0L)),
          rows(other.createStatement().executeQuery("select count(*) from dropped")));
    }
  }

  @Test
  void readOnlyConnectionsRefuseWritesWith25006() throws SQLException {
    node.run("create table ro (id integer primary key)");
    try (Connection c = node.connect()) {
      c.setReadOnly(true);
      assertTrue(c.isReadOnly());
      SQLException e =
          assertThrows(
              SQLException.class, () -> c.createStatement().execute("insert into ro values (1)"));
      assertEquals("25006", e.getSQLState());
      c.setReadOnly(false);
      assertFalse(c.isReadOnly());
      assertEquals(1, c.createStatement().executeUpdate("insert into ro values (1)"));
    }
  }

  @Test
  void anyIsolationLevelIsAcceptedAndReportedAsSerializable() throws SQLException {
    try (Connection c = node.connect()) {
      assertEquals(Connection.TRANSACTION_SERIALIZABLE, c.getTransactionIsolation());
      c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      assertEquals(Connection.TRANSACTION_SERIALIZABLE, c.getTransactionIsolation());
      assertEquals(
          Connection.TRANSACTION_SERIALIZABLE, c.getMetaData().getDefaultTransactionIsolation());
    }
  }

  @Test
  void writeConflictsAre40001AndTheConnectionCarriesOn() throws SQLException {
    node.run(
        "create table hot (id integer primary key, v integer)", "insert into hot values (1, 0)");
    try (Connection a = node.connect();
        Connection b = node.connect()) {
      a.setAutoCommit(false);
      b.setAutoCommit(false);
      a.createStatement().executeUpdate("update hot set v = 1 where id = 1");
      b.createStatement().executeUpdate("update hot set v = 2 where id = 1");
      a.commit();
      SQLException e = assertThrows(SQLException.class, b::commit);
      assertEquals("40001", e.getSQLState());
      assertInstanceOf(SQLTransactionRollbackException.class, e);
      assertEquals(
          List.of(List.of(1)), rows(b.createStatement().executeQuery("select v from hot")));
      assertTrue(b.isValid(5));
    }
  }

  @Test
  void schemasComeFromTheUrlAndSetSchema() throws SQLException {
    node.run("create schema sales", "create table sales.orders (id integer primary key)");
    try (Connection c = node.connect("sales")) {
      assertEquals("SALES", c.getSchema());
      assertEquals(0, rows(c.createStatement().executeQuery("select * from orders")).size());
      c.setSchema("PUBLIC");
      assertEquals("PUBLIC", c.getSchema());
      c.setSchema("sales");
      assertEquals("SALES", c.getSchema());
      c.setSchema("nope"); // ignored: Avatica's client would resend a refused value forever
      assertEquals("SALES", c.getSchema());
      assertTrue(c.isValid(5));
    }
    SQLException e = assertThrows(SQLException.class, () -> node.connect("nope"));
    assertEquals("3F000", e.getSQLState());
  }

  private static List<List<Object>> count(Connection c) throws SQLException {
    return rows(c.createStatement().executeQuery("select count(*) from acct"));
  }

  private static List<List<Object>> countPrep(Connection c) throws SQLException {
    return rows(c.createStatement().executeQuery("select count(*) from prep"));
  }
}
