package io.cesiumdb.jdbc;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Properties;
import java.util.TimeZone;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaFactory;
import org.apache.calcite.avatica.AvaticaPreparedStatement;
import org.apache.calcite.avatica.AvaticaResultSet;
import org.apache.calcite.avatica.AvaticaSpecificDatabaseMetaData;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.avatica.UnregisteredDriver;

/**
 * Builds the driver's JDBC objects: Avatica's JDBC 4.1 statements as they are, and our own
 * connection, result set and metadata wrappers where Avatica lets unchecked exceptions escape, and
 * statement creation (which asks the node for an id) likewise.
 */
final class CesiumAvaticaFactory implements AvaticaFactory {
  private final AvaticaFactory avatica;

  /**
   * @param avatica Avatica's own factory (its class is package-private, so the driver creates it)
   */
  CesiumAvaticaFactory(AvaticaFactory avatica) {
    this.avatica = avatica;
  }

  @Override
  public int getJdbcMajorVersion() {
    return avatica.getJdbcMajorVersion();
  }

  @Override
  public int getJdbcMinorVersion() {
    return avatica.getJdbcMinorVersion();
  }

  @Override
  public AvaticaConnection newConnection(
      UnregisteredDriver driver, AvaticaFactory factory, String url, Properties info) {
    return new CesiumConnection(driver, factory, url, info);
  }

  @Override
  public AvaticaStatement newStatement(
      AvaticaConnection connection,
      Meta.StatementHandle h,
      int resultSetType,
      int resultSetConcurrency,
      int resultSetHoldability)
      throws SQLException {
    // NB: the statement's constructor asks the node for a statement id; Avatica lets that fail
    // unchecked.
    return SqlErrors.call(
        "createStatement",
        () ->
            avatica.newStatement(
                connection, h, resultSetType, resultSetConcurrency, resultSetHoldability));
  }

  @Override
  public AvaticaPreparedStatement newPreparedStatement(
      AvaticaConnection connection,
      Meta.StatementHandle h,
      Meta.Signature signature,
      int resultSetType,
      int resultSetConcurrency,
      int resultSetHoldability)
      throws SQLException {
    return SqlErrors.call(
        "prepareStatement",
        () ->
            avatica.newPreparedStatement(
                connection,
                h,
                signature,
                resultSetType,
                resultSetConcurrency,
                resultSetHoldability));
  }

  @Override
  public AvaticaResultSet newResultSet(
      AvaticaStatement statement,
      QueryState state,
      Meta.Signature signature,
      TimeZone timeZone,
      Meta.Frame firstFrame)
      throws SQLException {
    ResultSetMetaData metaData = newResultSetMetaData(statement, signature);
    return new CesiumResultSet(statement, state, signature, metaData, timeZone, firstFrame);
  }

  @Override
  public AvaticaSpecificDatabaseMetaData newDatabaseMetaData(AvaticaConnection connection) {
    return MetaDataProxy.wrap(
        avatica.newDatabaseMetaData(connection), new MetaDataAnswers(connection));
  }

  @Override
  public ResultSetMetaData newResultSetMetaData(
      AvaticaStatement statement, Meta.Signature signature) throws SQLException {
    return avatica.newResultSetMetaData(statement, signature);
  }
}
