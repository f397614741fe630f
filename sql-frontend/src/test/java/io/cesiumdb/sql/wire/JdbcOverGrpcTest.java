package io.cesiumdb.sql.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.jdbc.CesiumConnection;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * End to end: the CesiumDB driver, found through {@code DriverManager} (in a reactor build, the
 * shaded jar), against {@link SqlWireService} on loopback over Calcite's own JDBC driver. Covers
 * what DBeaver needs of the transport: credentials, metadata by label, setMaxRows, prepared
 * statements, SQLSTATEs, several connections, isValid, fail-over at connect.
 */
class JdbcOverGrpcTest {
  private static WireNode node;

  @BeforeAll
  static void startNode() throws Exception {
    node = WireNode.start();
  }

  @AfterAll
  static void stopNode() {
    node.close();
  }

  @Test
  void connectsWithUserAndPassword() throws SQLException {
    try (Connection c = connect(node.url() + "hr");
        ResultSet rs = c.createStatement().executeQuery("select count(*) from emps")) {
      assertTrue(rs.next());
      assertEquals(4, rs.getInt(1));
      assertEquals(WireNode.USER, c.getMetaData().getUserName());
    }
  }

  @Test
  void wrongCredentialsAre28P01() {
    for (String[] who : new String[][] {{WireNode.USER, "wrong"}, {"mallory", WireNode.PASSWORD}}) {
      SQLException e =
          assertThrows(
              SQLException.class, () -> DriverManager.getConnection(node.url(), who[0], who[1]));
      assertEquals("28P01", e.getSQLState());
      assertEquals(ErrorCode.AUTH_FAILED.vendorCode(), e.getErrorCode());
      assertInstanceOf(SQLInvalidAuthorizationSpecException.class, e);
    }
  }

  @Test
  void metadataIsReadableByStandardLabels() throws SQLException {
    try (Connection c = connect(node.url() + "hr")) {
      DatabaseMetaData md = c.getMetaData();
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = md.getTables(null, "hr", "%", null)) {
        while (rs.next()) {
          assertEquals("hr", rs.getString("TABLE_SCHEM"));
          tables.add(rs.getString("TABLE_NAME") + ":" + rs.getString("TABLE_TYPE"));
        }
      }
      assertTrue(
          tables.contains("emps:TABLE") && tables.contains("depts:TABLE"), tables.toString());

      List<String> columns = new ArrayList<>();
      try (ResultSet rs = md.getColumns(null, "hr", "emps", "%")) {
        while (rs.next()) {
          columns.add(rs.getInt("ORDINAL_POSITION") + ":" + rs.getString("COLUMN_NAME"));
          if (rs.getString("COLUMN_NAME").equals("empid")) {
            assertEquals(Types.INTEGER, rs.getInt("DATA_TYPE"));
            assertEquals(DatabaseMetaData.columnNoNulls, rs.getInt("NULLABLE"));
          }
        }
      }
      assertEquals(List.of("1:empid", "2:name", "3:deptno", "4:salary"), columns);
    }
  }

  @Test
  void setMaxRowsLimitsTheResult() throws SQLException {
    try (Connection c = connect(node.url() + "hr");
        Statement s = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
      s.setMaxRows(2);
      assertTrue(s.execute("select * from emps"));
      assertEquals(2, count(s.getResultSet()));
    }
  }

  @Test
  void preparedStatementBindsParameters() throws SQLException {
    String sql = "select name from emps where deptno = ? and salary > ? order by name";
    try (Connection c = connect(node.url() + "hr");
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setInt(1, 10);
      ps.setDouble(2, 9_000);
      assertEquals(List.of("Bill", "Theodore"), names(ps.executeQuery()));
      ps.setInt(1, 20);
      ps.setDouble(2, 0);
      assertEquals(List.of("Eric"), names(ps.executeQuery()));
    }
  }

  @Test
  void errorsCarryTheirSqlStateAndKeepTheConnection() throws SQLException {
    try (Connection c = connect(node.url() + "hr");
        Statement s = c.createStatement()) {
      SQLException dup =
          assertThrows(
              SQLException.class, () -> s.executeQuery("select FAIL_UNIQUE(empid) from emps"));
      assertEquals("23505", dup.getSQLState());
      assertEquals(ErrorCode.UNIQUE_VIOLATION.vendorCode(), dup.getErrorCode());

      SQLException syntax = assertThrows(SQLException.class, () -> s.executeQuery("selec 1"));
      assertFalse(syntax.getSQLState().startsWith("08"), syntax.getSQLState());
      assertNotEquals("00000", syntax.getSQLState());

      assertTrue(c.isValid(5));
      assertEquals(4, count(s.executeQuery("select * from emps")));
    }
  }

  @Test
  void twoConnectionsAtOnce() throws SQLException {
    Connection a = connect(node.url() + "hr");
    try (Connection b = connect(node.url() + "hr")) {
      Statement sa = a.createStatement();
      sa.setFetchSize(1);
      ResultSet fromA = sa.executeQuery("select empid from emps order by empid");
      assertTrue(fromA.next());
      assertEquals(2, count(b.createStatement().executeQuery("select * from depts")));
      assertTrue(fromA.next());
      assertEquals(110, fromA.getInt(1));

      a.close();
      assertFalse(a.isValid(5));
      assertTrue(b.isValid(5));
      assertEquals(4, count(b.createStatement().executeQuery("select * from emps")));
    }
  }

  @Test
  void connectionSettingsRoundTripAndTheirErrorsAreSqlExceptions() throws SQLException {
    try (Connection c = connect(node.url() + "hr")) {
      c.setAutoCommit(false);
      assertFalse(c.getAutoCommit());
      // Calcite's own driver (the stand-in engine here) cannot commit: the error must still be a
      // typed SQLException with a SQLSTATE, and leave the connection usable.
      SQLException e = assertThrows(SQLException.class, c::commit);
      assertEquals("0A000", e.getSQLState());
      assertInstanceOf(SQLFeatureNotSupportedException.class, e);
      c.setAutoCommit(true);
      assertTrue(c.getAutoCommit());
      assertTrue(c.isValid(5));
    }
  }

  @Test
  void isValidTurnsFalseAndCallsFailWithClass08WhenTheNodeDies() throws Exception {
    WireNode doomed = WireNode.start();
    Connection c = connect(doomed.url() + "hr");
    assertTrue(c.isValid(5));

    doomed.close();

    assertFalse(c.isValid(2));
    SQLException gone =
        assertThrows(SQLException.class, () -> c.createStatement().executeQuery("select 1"));
    assertTrue(gone.getSQLState().startsWith("08"), gone.getSQLState());
    c.close();
    assertTrue(c.isClosed());
  }

  @Test
  void connectFailsOverToTheNextListedNode() throws SQLException, IOException {
    int dead = freePort();
    String url = "jdbc:cesium://127.0.0.1:" + dead + ",127.0.0.1:" + node.port() + "/hr";
    try (Connection c = connect(url)) {
      assertEquals(4, count(c.createStatement().executeQuery("select * from emps")));
      assertEquals(
          Optional.of("127.0.0.1:" + node.port()), c.unwrap(CesiumConnection.class).nodeAddress());
    }
  }

  @Test
  void noListedNodeAnsweringIs08001() throws IOException {
    String url = "jdbc:cesium://127.0.0.1:" + freePort() + "/hr";
    SQLException e = assertThrows(SQLException.class, () -> connect(url));
    assertEquals("08001", e.getSQLState());
  }

  /** In a reactor build the driver is the shaded jar, so this proves the jar, not the classes. */
  @Test
  void driverUnderTestIsTheRelocatedJar() throws SQLException {
    Class<?> driver = DriverManager.getDriver(node.url()).getClass();
    assertEquals("io.cesiumdb.jdbc.CesiumDriver", driver.getName());
    assertTrue(
        driver.getSuperclass().getName().startsWith("io.cesiumdb.jdbc.shaded."),
        "Avatica is not relocated: " + driver.getSuperclass().getName());
  }

  private static Connection connect(String url) throws SQLException {
    return DriverManager.getConnection(url, WireNode.USER, WireNode.PASSWORD);
  }

  private static int count(ResultSet rs) throws SQLException {
    int rows = 0;
    while (rs.next()) {
      rows++;
    }
    rs.close();
    return rows;
  }

  private static List<String> names(ResultSet rs) throws SQLException {
    List<String> names = new ArrayList<>();
    while (rs.next()) {
      names.add(rs.getString("name"));
    }
    rs.close();
    return names;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
