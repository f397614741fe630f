package io.cesiumdb.sql.meta;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.sql.catalog.Catalog;
import io.cesiumdb.sql.infoschema.InformationSchema;
import io.cesiumdb.sql.session.SqlSession;
import java.sql.Connection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.avatica.ConnectionPropertiesImpl;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of one Avatica connection: its {@link SqlSession} (schema, autocommit, read-only
 * mode, the open transaction) and its statements by id. Every method runs under the connection's
 * lock, because gRPC may deliver two requests of one connection on two threads while a session
 * serves one thread at a time.
 *
 * <p>Connection properties: autocommit and read-only go to the session (turning autocommit on
 * commits, as JDBC says); any transaction isolation is accepted and reported as SERIALIZABLE, the
 * only level there is; a catalog is ignored (there is no catalog level, and JDBC says to ignore
 * it); a schema is matched exactly, else upper-cased as an unquoted name would be. An unknown
 * schema fails the connection request, but is ignored (the schema in effect is reported back) when
 * it comes with {@code setSchema}: Avatica's client keeps a refused property and resends it with
 * every later request, so an error would make the connection unusable. JDBC lets drivers ignore it.
 */
final class MetaConnection {
  private static final Logger LOG = LoggerFactory.getLogger(MetaConnection.class);

  private final String id;
  private final SqlSession session;
  private final Catalog catalog;
  private final Map<Integer, MetaStatement> statements = new HashMap<>();
  private int nextStatementId = 1;

  MetaConnection(String id, SqlSession session, Catalog catalog) {
    this.id = id;
    this.session = session;
    this.catalog = catalog;
  }

  String id() {
    return id;
  }

  synchronized SqlSession session() {
    return session;
  }

  synchronized MetaStatement createStatement() {
    MetaStatement s = new MetaStatement(nextStatementId++);
    statements.put(s.id(), s);
    return s;
  }

  /** A statement id for a result that needs no server state (metadata results). */
  synchronized int anonymousStatementId() {
    return nextStatementId++;
  }

  synchronized MetaStatement statement(int statementId) throws NoSuchStatementException {
    MetaStatement s = statements.get(statementId);
    if (s == null) {
      throw new NoSuchStatementException(new Meta.StatementHandle(id, statementId, null));
    }
    return s;
  }

  /** Closing an unknown statement is fine: metadata results have ids with no state here. */
  synchronized void closeStatement(int statementId) {
    statements.remove(statementId);
  }

  synchronized Meta.ConnectionProperties sync(Meta.ConnectionProperties requested) {
    if (requested.isAutoCommit() != null) {
      session.setAutoCommit(requested.isAutoCommit());
    }
    if (requested.isReadOnly() != null) {
      session.setReadOnly(requested.isReadOnly());
    }
    String schema = requested.getSchema() == null ? null : resolveSchema(requested.getSchema());
    if (schema != null) {
      session.setSchema(schema);
    } else if (requested.getSchema() != null) {
      LOG.debug("connection {}: ignoring unknown schema {}", id, requested.getSchema());
    }
    return properties();
  }

  /** Sets the default schema: the exact name, or else its upper-cased form; 3F000 if neither. */
  synchronized void setSchema(String name) {
    String schema = resolveSchema(name);
    if (schema == null) {
      throw new CesiumException(
          ErrorCode.SCHEMA_NOT_FOUND, "schema \"" + name + "\" does not exist");
    }
    session.setSchema(schema);
  }

  private String resolveSchema(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    for (String candidate : new String[] {name, upper}) {
      if (catalog.hasSchema(candidate) || InformationSchema.isSystemSchema(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  synchronized Meta.ConnectionProperties properties() {
    return new ConnectionPropertiesImpl(
        session.autoCommit(),
        session.readOnly(),
        Connection.TRANSACTION_SERIALIZABLE,
        null,
        session.schema());
  }

  synchronized void commit() {
    session.commit();
  }

  synchronized void rollback() {
    session.rollback();
  }

  /** Rolls back whatever is open and drops every statement. */
  synchronized void close() {
    statements.clear();
    session.close();
  }
}
