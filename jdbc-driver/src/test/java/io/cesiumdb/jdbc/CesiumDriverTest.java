package io.cesiumdb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CesiumDriverTest {
  @Test
  void isFoundByDriverManagerThroughTheServiceFile() throws SQLException {
    assertInstanceOf(CesiumDriver.class, DriverManager.getDriver("jdbc:cesium://h:1/s"));
  }

  @Test
  void hasAPublicNoArgConstructor() throws ReflectiveOperationException, SQLException {
    Driver driver = CesiumDriver.class.getConstructor().newInstance();
    assertTrue(driver.acceptsURL("jdbc:cesium://h:1"));
    assertFalse(driver.acceptsURL("jdbc:avatica:remote:url=http://h:1"));
  }

  @Test
  void connectReturnsNullForOtherUrls() throws SQLException {
    assertNull(new CesiumDriver().connect("jdbc:h2:mem:x", new Properties()));
  }

  @Test
  void malformedUrlIs08001() {
    SQLException e =
        assertThrows(
            SQLException.class, () -> new CesiumDriver().connect("jdbc:cesium://h:x", null));
    assertEquals("08001", e.getSQLState());
  }

  @Test
  void badTimeoutPropertyIs08001() {
    Properties props = new Properties();
    props.setProperty("connectTimeoutMs", "soon");
    SQLException e =
        assertThrows(
            SQLException.class, () -> new CesiumDriver().connect("jdbc:cesium://h:1", props));
    assertEquals("08001", e.getSQLState());
  }

  @Test
  void noNodeAnsweringIs08001NamingEveryNode() throws IOException {
    int dead1 = freePort();
    int dead2 = freePort();
    String url = "jdbc:cesium://127.0.0.1:" + dead1 + ",127.0.0.1:" + dead2 + "/s";
    SQLException e =
        assertThrows(SQLException.class, () -> DriverManager.getConnection(url, "u", "p"));
    assertEquals("08001", e.getSQLState());
    assertTrue(e.getMessage().contains(":" + dead1), e.getMessage());
    assertTrue(e.getMessage().contains(":" + dead2), e.getMessage());
  }

  @Test
  void describesItsProperties() {
    Properties info = new Properties();
    info.setProperty("user", "alice");
    DriverPropertyInfo[] props =
        new CesiumDriver().getPropertyInfo("jdbc:cesium://h:1?callTimeoutMs=9", info);
    Map<String, String> values =
        Arrays.stream(props)
            .filter(p -> p.value != null)
            .collect(Collectors.toMap(p -> p.name, p -> p.value));
    assertEquals("alice", values.get("user"));
    assertEquals("9", values.get("callTimeoutMs"));
    assertEquals("5000", values.get("connectTimeoutMs"));
    assertTrue(Arrays.stream(props).allMatch(p -> p.description != null));
  }

  @Test
  void reportsItsNameAndVersion() {
    CesiumDriver driver = new CesiumDriver();
    assertEquals("CesiumDB JDBC Driver", driver.getDriverVersion().name);
    assertEquals("CesiumDB", driver.getDriverVersion().productName);
    assertEquals(0, driver.getMajorVersion());
    assertEquals(1, driver.getMinorVersion());
  }

  /** A port nothing listens on: bound once, then released. */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
