package io.cesiumdb.sql.meta;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.sql.session.SqlEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.NoSuchConnectionException;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.avatica.proto.Requests;
import org.apache.calcite.avatica.remote.TypedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQL engine as an Avatica {@link Meta}: what a node serves to JDBC clients through {@code
 * io.cesiumdb.sql.wire.SqlWireService}. One {@link MetaConnection} (one {@code SqlSession}) per
 * Avatica connection id; statements run through {@link StatementRunner}; metadata calls read the
 * catalog through {@link CatalogMetadata}.
 *
 * <p>Errors are thrown as they come ({@code CesiumException} with its SQLSTATE, Avatica's
 * no-such-connection/statement); the wire layer maps them to error responses ({@code WireErrors}).
 * An unknown connection id is {@link NoSuchConnectionException} (08003).
 *
 * <p>NB: Avatica's protocol carries only some {@code DatabaseMetaData} calls (catalogs, schemas,
 * tables, table types, type info, columns, database properties); there is no request for {@code
 * getPrimaryKeys}, {@code getIndexInfo}, {@code getImportedKeys} …. Those are implemented here for
 * callers in the same process; our driver answers them with queries on {@code
 * INFORMATION_SCHEMA.KEY_COLUMN_USAGE} / {@code TABLE_CONSTRAINTS} (its {@code KeyMetadataSql}),
 * which must tell the same ({@code JdbcMetadataTest}).
 *
 * <p>Thread-safe: connections are in a concurrent map, each serialises its own requests.
 */
public final class CesiumMeta extends NoObjectsMeta {
  private static final Logger LOG = LoggerFactory.getLogger(CesiumMeta.class);

  /** The connection property naming the default schema (the driver's {@code schema}). */
  public static final String SCHEMA_PROPERTY = "schema";

  private final SqlEngine engine;
  private final CatalogMetadata metadata;
  private final StatementRunner runner;
  private final Map<String, MetaConnection> connections = new ConcurrentHashMap<>();

  private CesiumMeta(SqlEngine engine, CesiumMetaConfig config) {
    this.engine = engine;
    this.metadata = new CatalogMetadata(engine.catalog());
    this.runner = new StatementRunner(config);
  }

  /** The Meta over {@code engine}, with default settings. */
  public static CesiumMeta create(SqlEngine engine) {
    return create(engine, CesiumMetaConfig.defaults());
  }

  public static CesiumMeta create(SqlEngine engine, CesiumMetaConfig config) {
    return new CesiumMeta(engine, config);
  }

  /** Connections open now. */
  public int openConnections() {
    return connections.size();
  }

  // ---- connections ----------------------------------------------------------------------------

  @Override
  public void openConnection(ConnectionHandle ch, Map<String, String> info) {
    MetaConnection c = new MetaConnection(ch.id, engine.openSession(), engine.catalog());
    String schema = info == null ? null : info.get(SCHEMA_PROPERTY);
    if (schema != null && !schema.isEmpty()) {
      c.setSchema(schema);
    }
    if (connections.putIfAbsent(ch.id, c) != null) {
      c.close();
      throw new CesiumException(ErrorCode.INVALID_ARGUMENT, "connection " + ch.id + " is open");
    }
    LOG.debug("connection {} opened in schema {}", ch.id, c.session().schema());
  }

  @Override
  public void closeConnection(ConnectionHandle ch) {
    MetaConnection c = connections.remove(ch.id);
    if (c != null) {
      c.close();
      LOG.debug("connection {} closed", ch.id);
    }
  }

  @Override
  public ConnectionProperties connectionSync(ConnectionHandle ch, ConnectionProperties props) {
    return connection(ch.id).sync(props);
  }

  @Override
  public void commit(ConnectionHandle ch) {
    connection(ch.id).commit();
  }

  @Override
  public void rollback(ConnectionHandle ch) {
    connection(ch.id).rollback();
  }

  @Override
  public Map<DatabaseProperty, Object> getDatabaseProperties(ConnectionHandle ch) {
    connection(ch.id);
    return DatabaseProperties.all();
  }

  // ---- statements -----------------------------------------------------------------------------

  @Override
  public StatementHandle createStatement(ConnectionHandle ch) {
    return new StatementHandle(ch.id, connection(ch.id).createStatement().id(), null);
  }

  @Override
  public void closeStatement(StatementHandle h) {
    MetaConnection c = connections.get(h.connectionId);
    if (c != null) {
      c.closeStatement(h.id);
    }
  }

  @Override
  public StatementHandle prepare(ConnectionHandle ch, String sql, long maxRowCount) {
    return runner.prepare(connection(ch.id), sql);
  }

  @Override
  @SuppressWarnings("deprecation")
  public ExecuteResult prepareAndExecute(
      StatementHandle h, String sql, long maxRowCount, PrepareCallback callback)
      throws NoSuchStatementException {
    return prepareAndExecute(
        h, sql, maxRowCount, (int) Math.min(maxRowCount, Integer.MAX_VALUE), callback);
  }

  @Override
  public ExecuteResult prepareAndExecute(
      StatementHandle h,
      String sql,
      long maxRowCount,
      int maxRowsInFirstFrame,
      PrepareCallback callback)
      throws NoSuchStatementException {
    return runner.prepareAndExecute(
        connection(h.connectionId), h.id, sql, maxRowCount, maxRowsInFirstFrame);
  }

  @Override
  @SuppressWarnings("deprecation")
  public ExecuteResult execute(StatementHandle h, List<TypedValue> params, long maxRowCount)
      throws NoSuchStatementException {
    return execute(h, params, (int) Math.min(maxRowCount, Integer.MAX_VALUE));
  }

  @Override
  public ExecuteResult execute(StatementHandle h, List<TypedValue> params, int maxRowsInFirstFrame)
      throws NoSuchStatementException {
    return runner.execute(connection(h.connectionId), h.id, params, maxRowsInFirstFrame);
  }

  @Override
  public ExecuteBatchResult prepareAndExecuteBatch(StatementHandle h, List<String> sqlCommands)
      throws NoSuchStatementException {
    return new ExecuteBatchResult(
        runner.prepareAndExecuteBatch(connection(h.connectionId), h.id, sqlCommands));
  }

  @Override
  public ExecuteBatchResult executeBatch(StatementHandle h, List<List<TypedValue>> batches)
      throws NoSuchStatementException {
    return new ExecuteBatchResult(runner.executeBatch(connection(h.connectionId), h.id, batches));
  }

  /** The form Avatica's protobuf handler uses for {@code PreparedStatement.executeBatch}. */
  @Override
  public ExecuteBatchResult executeBatchProtobuf(
      StatementHandle h, List<Requests.UpdateBatch> batches) throws NoSuchStatementException {
    List<List<TypedValue>> values = new ArrayList<>(batches.size());
    for (Requests.UpdateBatch batch : batches) {
      values.add(batch.getParameterValuesList().stream().map(TypedValue::fromProto).toList());
    }
    return executeBatch(h, values);
  }

  @Override
  public Frame fetch(StatementHandle h, long offset, int fetchMaxRowCount)
      throws NoSuchStatementException {
    return runner.fetch(connection(h.connectionId), h.id, offset, fetchMaxRowCount);
  }

  /** Results are not re-created on demand: the driver gets none and moves on. */
  @Override
  public boolean syncResults(StatementHandle sh, QueryState state, long offset)
      throws NoSuchStatementException {
    connection(sh.connectionId).statement(sh.id).clearResults();
    return false;
  }

  /** Client-side only (Avatica's local driver); a server never calls it. */
  @Override
  public Iterable<Object> createIterable(
      StatementHandle stmt,
      QueryState state,
      Signature signature,
      List<TypedValue> params,
      Frame firstFrame) {
    throw new UnsupportedOperationException("createIterable is not used on the server");
  }

  // ---- metadata -------------------------------------------------------------------------------

  @Override
  public MetaResultSet getCatalogs(ConnectionHandle ch) {
    return result(ch, CatalogMetadata.catalogs());
  }

  @Override
  public MetaResultSet getSchemas(ConnectionHandle ch, String catalog, Pat schemaPattern) {
    return result(ch, metadata.schemas(catalog, schemaPattern.s));
  }

  @Override
  public MetaResultSet getTables(
      ConnectionHandle ch,
      String catalog,
      Pat schemaPattern,
      Pat tablePattern,
      List<String> types) {
    return result(ch, metadata.tables(catalog, schemaPattern.s, tablePattern.s, types));
  }

  @Override
  public MetaResultSet getTableTypes(ConnectionHandle ch) {
    return result(ch, CatalogMetadata.tableTypes());
  }

  @Override
  public MetaResultSet getColumns(
      ConnectionHandle ch, String catalog, Pat schemaPattern, Pat tablePattern, Pat columnPattern) {
    return result(ch, metadata.columns(catalog, schemaPattern.s, tablePattern.s, columnPattern.s));
  }

  @Override
  public MetaResultSet getTypeInfo(ConnectionHandle ch) {
    return result(ch, TypeInfoRows.typeInfo());
  }

  @Override
  public MetaResultSet getPrimaryKeys(
      ConnectionHandle ch, String catalog, String schema, String table) {
    return result(ch, metadata.primaryKeys(catalog, schema, table));
  }

  @Override
  public MetaResultSet getIndexInfo(
      ConnectionHandle ch,
      String catalog,
      String schema,
      String table,
      boolean unique,
      boolean approximate) {
    return result(ch, metadata.indexInfo(catalog, schema, table));
  }

  // ---- helpers --------------------------------------------------------------------------------

  private MetaConnection connection(String id) {
    MetaConnection c = id == null ? null : connections.get(id);
    if (c == null) {
      throw new NoSuchConnectionException(id);
    }
    return c;
  }

  private MetaResultSet result(ConnectionHandle ch, MetadataTable table) {
    MetaConnection c = connection(ch.id);
    return table.toResultSet(c.id(), c.anonymousStatementId());
  }

  @Override
  MetaResultSet empty(ConnectionHandle ch, Class<?> rowClass) {
    return result(ch, MetadataTable.emptyLike(rowClass));
  }
}
