package io.cesiumdb.jdbc;

import io.cesiumdb.jdbc.transport.GrpcAvaticaService;
import io.cesiumdb.jdbc.transport.HostAndPort;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaFactory;
import org.apache.calcite.avatica.ConnectionPropertiesImpl;
import org.apache.calcite.avatica.UnregisteredDriver;
import org.apache.calcite.avatica.remote.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JDBC connection to one CesiumDB node: Avatica's connection with the behaviour JDBC tools rely
 * on and Avatica leaves out. {@link #isValid} makes a round trip instead of only checking a flag;
 * the setters of connection properties (autocommit, read-only, isolation, catalog, schema) reach
 * the node before they return; connection-level calls throw {@code SQLException} with the server's
 * SQLSTATE instead of letting Avatica's unchecked exceptions escape; {@link #close} releases the
 * gRPC channel and succeeds when the node is already gone.
 */
public final class CesiumConnection extends AvaticaConnection {
  private static final Logger LOG = LoggerFactory.getLogger(CesiumConnection.class);

  CesiumConnection(UnregisteredDriver driver, AvaticaFactory factory, String url, Properties info) {
    super(driver, factory, url, info);
  }

  /** The node this connection lives on, as {@code host:port}. */
  public Optional<String> nodeAddress() {
    return service().node().map(HostAndPort::toString);
  }

  /**
   * The connection's properties. NB: called by {@link GrpcServiceFactory} from inside Avatica's
   * constructor, before this class's own constructor body runs: it may only read {@code info}.
   */
  Properties properties() {
    return info;
  }

  /** Opens the server side: authenticates and creates the session, or fails with its SQLSTATE. */
  void open(Map<String, String> serverInfo) throws SQLException {
    try {
      getService().apply(new Service.OpenConnectionRequest(id, serverInfo));
    } catch (RuntimeException e) {
      service().close();
      throw SqlErrors.toSqlException("cannot connect to " + url(), e);
    }
  }

  @Override
  public boolean isValid(int timeoutSeconds) throws SQLException {
    if (timeoutSeconds < 0) {
      throw new SQLException("isValid timeout must not be negative", "22023");
    }
    if (isClosed()) {
      return false;
    }
    try {
      var ping = new Service.ConnectionSyncRequest(id, new ConnectionPropertiesImpl());
      service().call(ping, timeoutSeconds * 1000L);
      return true;
    } catch (RuntimeException e) {
      LOG.debug("connection {} is not valid", id, e);
      return false;
    }
  }

  @Override
  public void close() throws SQLException {
    try {
      super.close();
    } catch (SQLException e) {
      if (e.getSQLState() == null || !e.getSQLState().startsWith("08")) {
        throw e;
      }
      LOG.debug("closing connection {} whose node is gone", id, e);
    } finally {
      service().close();
    }
  }

  @Override
  public void setAutoCommit(boolean autoCommit) throws SQLException {
    SqlErrors.run(
        "setAutoCommit",
        () -> {
          super.setAutoCommit(autoCommit);
          flushProperties();
        });
  }

  @Override
  public boolean getAutoCommit() throws SQLException {
    return SqlErrors.call("getAutoCommit", super::getAutoCommit);
  }

  @Override
  public void commit() throws SQLException {
    SqlErrors.run("commit", super::commit);
  }

  @Override
  public void rollback() throws SQLException {
    SqlErrors.run("rollback", super::rollback);
  }

  @Override
  public void setReadOnly(boolean readOnly) throws SQLException {
    SqlErrors.run(
        "setReadOnly",
        () -> {
          super.setReadOnly(readOnly);
          flushProperties();
        });
  }

  @Override
  public boolean isReadOnly() throws SQLException {
    return SqlErrors.call("isReadOnly", super::isReadOnly);
  }

  @Override
  public void setTransactionIsolation(int level) throws SQLException {
    SqlErrors.run(
        "setTransactionIsolation",
        () -> {
          super.setTransactionIsolation(level);
          flushProperties();
        });
  }

  @Override
  public int getTransactionIsolation() throws SQLException {
    return SqlErrors.call("getTransactionIsolation", super::getTransactionIsolation);
  }

  @Override
  public void setCatalog(String catalog) throws SQLException {
    SqlErrors.run(
        "setCatalog",
        () -> {
          super.setCatalog(catalog);
          flushProperties();
        });
  }

  @Override
  public String getCatalog() throws SQLException {
    return SqlErrors.call("getCatalog", super::getCatalog);
  }

  @Override
  public void setSchema(String schema) throws SQLException {
    SqlErrors.run(
        "setSchema",
        () -> {
          super.setSchema(schema);
          flushProperties();
        });
  }

  @Override
  public String getSchema() throws SQLException {
    return SqlErrors.call("getSchema", super::getSchema);
  }

  /**
   * Sends the connection properties changed since the last request now. Avatica's client only
   * records a change and sends it with the next request that syncs properties, which executing an
   * existing prepared statement is not: {@code setAutoCommit(false)} then {@code
   * ps.executeUpdate()} would autocommit, and {@code setAutoCommit(true)} would not commit the open
   * transaction at once, as JDBC says it does. Nothing is sent when nothing changed.
   */
  private void flushProperties() {
    meta.connectionSync(handle, new ConnectionPropertiesImpl());
  }

  private GrpcAvaticaService service() {
    return (GrpcAvaticaService) getService();
  }

  private String url() {
    return config().url();
  }
}
