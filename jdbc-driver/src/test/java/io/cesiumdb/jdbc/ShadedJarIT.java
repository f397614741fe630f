package io.cesiumdb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the shaded jar itself (failsafe runs this after {@code package}): nothing outside {@code
 * io.cesiumdb.jdbc}, service files relocated, and the driver working from a class loader that holds
 * this jar and nothing else, against a scripted Avatica server on loopback ({@link FakeNode}).
 */
class ShadedJarIT {
  private static Path jar;
  private static URLClassLoader isolated;
  private static FakeNode node;

  @BeforeAll
  static void openJar() throws IOException {
    jar = Path.of(System.getProperty("cesium.jdbc.shadedJar", "target/missing.jar"));
    assertTrue(Files.isRegularFile(jar), "shaded jar not built: " + jar);
    isolated =
        new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    node = FakeNode.start();
  }

  @AfterAll
  static void close() throws IOException, InterruptedException {
    node.stop();
    isolated.close();
  }

  @Test
  void everyClassLivesUnderIoCesiumdbJdbc() throws IOException {
    List<String> strays = new ArrayList<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      file.stream()
          .map(JarEntry::getName)
          .filter(n -> n.endsWith(".class") && !n.startsWith("io/cesiumdb/jdbc/"))
          .forEach(strays::add);
      assertEquals(List.of(), strays);
      assertTrue(has(file, "io/cesiumdb/jdbc/CesiumDriver.class"));
      assertTrue(
          has(file, "io/cesiumdb/jdbc/shaded/org/apache/calcite/avatica/remote/Driver.class"));
      assertTrue(has(file, "io/cesiumdb/jdbc/shaded/io/cesiumdb/proto/sql/SqlServiceGrpc.class"));
      assertFalse(
          file.stream().anyMatch(e -> e.getName().contains("proto/tablet/")),
          "only the SQL transport's messages belong in the driver");
    }
  }

  @Test
  void serviceFilesNameOnlyRelocatedClasses() throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      assertEquals(List.of("io.cesiumdb.jdbc.CesiumDriver"), serviceLines(file, "java.sql.Driver"));
      List<String> services =
          file.stream()
              .map(JarEntry::getName)
              .filter(n -> n.startsWith("META-INF/services/") && !n.endsWith("/"))
              .map(n -> n.substring("META-INF/services/".length()))
              .toList();
      assertTrue(services.contains("io.cesiumdb.jdbc.shaded.io.grpc.ManagedChannelProvider"));
      for (String service : services) {
        if (!service.equals("java.sql.Driver")) {
          assertTrue(service.startsWith("io.cesiumdb.jdbc.shaded."), service);
        }
        for (String provider : serviceLines(file, service)) {
          assertTrue(provider.startsWith("io.cesiumdb.jdbc."), service + " → " + provider);
        }
      }
    }
  }

  @Test
  void driverWorksFromAClassLoaderWithTheJarAlone() throws SQLException {
    Driver driver = isolatedDriver();
    assertEquals("io.cesiumdb.jdbc.CesiumDriver", driver.getClass().getName());
    assertTrue(driver.getClass().getSuperclass().getName().startsWith("io.cesiumdb.jdbc.shaded."));

    Properties props = credentials(FakeNode.PASSWORD);
    try (Connection connection = driver.connect(node.url(), props)) {
      assertTrue(connection.isValid(5));
      assertEquals("io.cesiumdb.jdbc.CesiumConnection", connection.getClass().getName());
    }
    assertEquals(1, node.closedConnections());
  }

  @Test
  void wrongPasswordIs28P01FromTheJarAlone() throws SQLException {
    Driver driver = isolatedDriver();
    SQLException e =
        assertThrows(SQLException.class, () -> driver.connect(node.url(), credentials("wrong")));
    assertEquals("28P01", e.getSQLState());
    assertInstanceOf(SQLInvalidAuthorizationSpecException.class, e);
  }

  @Test
  void deadNodeIs08001FromTheJarAlone() throws IOException, SQLException {
    Driver driver = isolatedDriver();
    String url = "jdbc:cesium://127.0.0.1:" + CesiumDriverTest.freePort() + "/";
    SQLException e = assertThrows(SQLException.class, () -> driver.connect(url, credentials("x")));
    assertEquals("08001", e.getSQLState());
  }

  private static Driver isolatedDriver() {
    return ServiceLoader.load(Driver.class, isolated).stream()
        .map(ServiceLoader.Provider::get)
        .filter(d -> d.getClass().getClassLoader() == isolated)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no java.sql.Driver service in " + jar));
  }

  private static Properties credentials(String password) {
    Properties props = new Properties();
    props.setProperty("user", FakeNode.USER);
    props.setProperty("password", password);
    return props;
  }

  private static boolean has(JarFile file, String name) {
    return file.getEntry(name) != null;
  }

  private static List<String> serviceLines(JarFile file, String service) throws IOException {
    JarEntry entry = file.getJarEntry("META-INF/services/" + service);
    try (InputStream in = file.getInputStream(entry)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::trim)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .toList();
    }
  }
}
