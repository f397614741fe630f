package io.cesiumdb.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The {@code DatabaseMetaData} answers the driver gives itself where Avatica's client is wrong for
 * CesiumDB: {@link MetaDataProxy} sends every call whose signature is declared here to this class,
 * and the rest to Avatica. Every public method has the exact signature of a {@code
 * DatabaseMetaData} method (checked by {@code MetaDataAnswersTest}).
 *
 * <ul>
 *   <li>Transactions: Avatica's client says there are none ({@code supportsTransactions() ==
 *       false}, only {@code TRANSACTION_NONE}); DBeaver then disables its whole transaction UI.
 *       CesiumDB has serializable transactions only, many at once; DDL runs at once, outside the
 *       transaction, and neither commits nor aborts it.
 *   <li>Keys: Avatica's client answers {@code getPrimaryKeys}, {@code getIndexInfo} and the
 *       foreign-key calls locally with empty results (its protocol has no request for them), so
 *       tools saw tables without keys. They run as queries on {@code INFORMATION_SCHEMA} ({@link
 *       KeyMetadataSql}); the statement closes with its result set. In a transaction they run
 *       inside it.
 *   <li>No catalog level: the catalog may not qualify any name.
 * </ul>
 */
final class MetaDataAnswers {
  private final Connection connection;

  MetaDataAnswers(Connection connection) {
    this.connection = connection;
  }

  public boolean supportsTransactions() {
    return true;
  }

  public boolean supportsMultipleTransactions() {
    return true;
  }

  public int getDefaultTransactionIsolation() {
    return Connection.TRANSACTION_SERIALIZABLE;
  }

  /** Only SERIALIZABLE; asking for a weaker level gets SERIALIZABLE, as JDBC allows. */
  public boolean supportsTransactionIsolationLevel(int level) {
    return level == Connection.TRANSACTION_SERIALIZABLE;
  }

  public boolean dataDefinitionCausesTransactionCommit() {
    return false;
  }

  public boolean dataDefinitionIgnoredInTransactions() {
    return false;
  }

  /** The connection's mode (pgjdbc's reading), not Avatica's constant {@code true}. */
  public boolean isReadOnly() throws SQLException {
    return connection.isReadOnly();
  }

  /** Results are held in full on the node until read, across commits. */
  public boolean supportsResultSetHoldability(int holdability) {
    return holdability == ResultSet.HOLD_CURSORS_OVER_COMMIT;
  }

  public boolean supportsCatalogsInDataManipulation() {
    return false;
  }

  public boolean supportsCatalogsInProcedureCalls() {
    return false;
  }

  public boolean supportsCatalogsInTableDefinitions() {
    return false;
  }

  public boolean supportsCatalogsInIndexDefinitions() {
    return false;
  }

  public boolean supportsCatalogsInPrivilegeDefinitions() {
    return false;
  }

  public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
    return run(KeyMetadataSql.primaryKeys(catalog, schema, table));
  }

  public ResultSet getIndexInfo(
      String catalog, String schema, String table, boolean unique, boolean approximate)
      throws SQLException {
    return run(KeyMetadataSql.indexInfo(catalog, schema, table));
  }

  public ResultSet getImportedKeys(String catalog, String schema, String table)
      throws SQLException {
    return run(KeyMetadataSql.foreignKeys());
  }

  public ResultSet getExportedKeys(String catalog, String schema, String table)
      throws SQLException {
    return run(KeyMetadataSql.foreignKeys());
  }

  public ResultSet getCrossReference(
      String parentCatalog,
      String parentSchema,
      String parentTable,
      String foreignCatalog,
      String foreignSchema,
      String foreignTable)
      throws SQLException {
    return run(KeyMetadataSql.foreignKeys());
  }

  private ResultSet run(KeyMetadataSql.Query query) throws SQLException {
    PreparedStatement ps = connection.prepareStatement(query.sql());
    try {
      for (int i = 0; i < query.params().size(); i++) {
        ps.setString(i + 1, query.params().get(i));
      }
      ps.closeOnCompletion();
      return ps.executeQuery();
    } catch (SQLException | RuntimeException e) {
      try {
        ps.close();
      } catch (SQLException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }
}
