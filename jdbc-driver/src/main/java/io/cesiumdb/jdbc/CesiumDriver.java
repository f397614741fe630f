package io.cesiumdb.jdbc;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;
import org.apache.calcite.avatica.AvaticaFactory;
import org.apache.calcite.avatica.DriverVersion;

/**
 * The CesiumDB JDBC driver: {@code jdbc:cesium://host1[:port][,host2[:port]…]/[schema]} with {@code
 * user} and {@code password}. Avatica's remote driver supplies every JDBC object ({@code
 * ResultSet}, {@code DatabaseMetaData}, {@code PreparedStatement} …); this class swaps its HTTP
 * transport for gRPC to the nodes ({@link GrpcServiceFactory}) and opens each connection on the
 * first listed node that answers. The module README says why Avatica over gRPC.
 *
 * <p>Registered through {@code META-INF/services/java.sql.Driver} and on class load; tools that
 * instantiate drivers themselves (DBeaver) use the public no-arg constructor.
 *
 * <p>Errors: wrong credentials fail {@code connect} with SQLSTATE 28P01; no node answering, or a
 * malformed URL, with 08001. Server errors keep the SQLSTATE the server sent.
 */
public final class CesiumDriver extends org.apache.calcite.avatica.remote.Driver {
  /** The URL prefix Avatica matches on; {@link CesiumUrl#PREFIX} is the full form. */
  static final String CONNECT_STRING_PREFIX = "jdbc:cesium:";

  private static final String CONNECTION_REFUSED = "08001";

  static {
    new CesiumDriver().register();
    forgetRelocatedAvaticaDriver();
  }

  public CesiumDriver() {
    super();
  }

  @Override
  protected String getConnectStringPrefix() {
    return CONNECT_STRING_PREFIX;
  }

  @Override
  protected DriverVersion createDriverVersion() {
    return DriverVersion.load(
        CesiumDriver.class,
        "io-cesiumdb-jdbc.properties",
        "CesiumDB JDBC Driver",
        "unknown version",
        "CesiumDB",
        "unknown version");
  }

  @Override
  protected AvaticaFactory createFactory() {
    // Avatica's JDBC 4.1 factory is package-private; instantiateFactory may load it by name.
    return new CesiumAvaticaFactory(instantiateFactory(getFactoryClassName(JdbcVersion.current())));
  }

  @Override
  public boolean acceptsURL(String url) throws SQLException {
    if (url == null) {
      throw new SQLException("url must not be null", "22023");
    }
    return CesiumUrl.accepts(url);
  }

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null;
    }
    Properties merged;
    try {
      merged = ConnectionSettings.merge(url, CesiumUrl.parse(url), info);
    } catch (IllegalArgumentException e) {
      throw SqlErrors.typed(
          "invalid CesiumDB URL or property: " + e.getMessage(), CONNECTION_REFUSED, e);
    }
    CesiumConnection connection =
        (CesiumConnection) factory.newConnection(this, factory, url, merged);
    handler.onConnectionInit(connection);
    connection.open(ConnectionSettings.forServer(merged));
    return connection;
  }

  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
    Properties given = new Properties();
    if (CesiumUrl.accepts(url)) {
      try {
        CesiumUrl.parse(url).parameters().forEach(given::setProperty);
      } catch (IllegalArgumentException e) {
        // Tools call this while the user is still typing the URL.
      }
    }
    if (info != null) {
      given.putAll(info);
    }
    List<DriverPropertyInfo> list = new ArrayList<>();
    for (CesiumProperty p : CesiumProperty.values()) {
      DriverPropertyInfo item = new DriverPropertyInfo(p.key(), p.get(given));
      item.description = p.description();
      item.required = p == CesiumProperty.USER || p == CesiumProperty.PASSWORD;
      list.add(item);
    }
    return list.toArray(new DriverPropertyInfo[0]);
  }

  @Override
  public Logger getParentLogger() {
    return Logger.getLogger("io.cesiumdb.jdbc");
  }

  /**
   * Loading this class initialises Avatica's remote driver, whose static block registers it with
   * {@code DriverManager}. Inside the shaded jar that driver is a relocated copy nobody asked for,
   * which would answer {@code jdbc:avatica:remote:} URLs meant for a real Avatica driver; forget
   * it. Unshaded (in this module's own tests) it is the genuine one and stays.
   */
  private static void forgetRelocatedAvaticaDriver() {
    Class<?> avatica = org.apache.calcite.avatica.remote.Driver.class;
    if (!avatica.getName().startsWith(CesiumDriver.class.getPackageName() + ".shaded.")) {
      return;
    }
    for (Driver driver : Collections.list(DriverManager.getDrivers())) {
      if (driver.getClass() == avatica) {
        try {
          DriverManager.deregisterDriver(driver);
        } catch (SQLException | SecurityException e) {
          // Harmless: the copy only answers jdbc:avatica:remote: URLs.
        }
      }
    }
  }
}
