package io.cesiumdb.sql.session;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.sql.catalog.Catalog;
import io.cesiumdb.sql.ddl.DdlConverter;
import io.cesiumdb.sql.exec.KvTxn;
import io.cesiumdb.sql.infoschema.InformationSchema;
import io.cesiumdb.sql.parser.CesiumParser;
import io.cesiumdb.sql.parser.CesiumSqlShow;
import io.cesiumdb.sql.parser.CesiumSqlTransaction;
import io.cesiumdb.sql.plan.CompiledPlan;
import io.cesiumdb.sql.plan.StatementPlanner;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.SqlNode;

/**
 * One client connection's SQL state: default schema, autocommit, the open transaction ({@link
 * TransactionState}) and its prepared statements. {@link #execute} runs one statement:
 *
 * <ul>
 *   <li>queries and DML go through the engine's plan cache (keyed by the SQL text; parameters stay
 *       {@code ?}), then run in the open transaction, or, in autocommit mode, in a transaction of
 *       their own: a lock-free read-only snapshot for queries, a read-write transaction committed
 *       at once for DML (retried on 40001 up to {@link SqlEngineConfig#autocommitAttempts()});
 *   <li>DDL goes to the engine's {@code DdlExecutor} at once, outside any transaction;
 *   <li>BEGIN / START TRANSACTION / COMMIT / ROLLBACK / SET TRANSACTION drive the transaction;
 *   <li>SHOW COMMIT_TIMESTAMP / READ_TIMESTAMP answers the last transactions' timestamps ({@link
 *       SessionTimestamps}), inside or outside a transaction, without touching it.
 * </ul>
 *
 * A failed DML statement leaves no writes behind (statement atomicity) and, unless the error killed
 * the transaction (40001), the transaction goes on. Not thread-safe: one connection thread.
 */
public final class SqlSession implements AutoCloseable {
  private static final Set<ErrorCode> RETRY_AUTOCOMMIT =
      EnumSet.of(ErrorCode.TXN_ABORTED, ErrorCode.TXN_WOUNDED, ErrorCode.TXN_CONFLICT);

  private final SqlEngine engine;
  private final TransactionState txns;
  private final SessionTimestamps timestamps = new SessionTimestamps();
  private String schema = Catalog.DEFAULT_SCHEMA;

  SqlSession(SqlEngine engine) {
    this.engine = engine;
    this.txns = new TransactionState(engine.store(), timestamps);
  }

  /** Runs one statement without parameters. */
  public SqlResult execute(String sql) {
    return execute(sql, List.of());
  }

  /**
   * Runs one statement; {@code params} bind its {@code ?}s in order. A trailing {@code ;} is
   * ignored.
   */
  public SqlResult execute(String sql, List<?> params) {
    sql = withoutTrailingSemicolon(sql);
    CompiledPlan cached = engine.cached(sql, schema);
    if (cached != null) {
      return run(cached, params);
    }
    return dispatch(sql, CesiumParser.parseStatement(sql), params);
  }

  /** Parses and (for queries and DML) plans {@code sql} for repeated execution. */
  public PreparedSql prepare(String sql) {
    sql = withoutTrailingSemicolon(sql);
    SqlNode node = CesiumParser.parseStatement(sql);
    long version = engine.catalog().version();
    CompiledPlan plan = StatementPlanner.isPlannable(node) ? engine.plan(sql, node, schema) : null;
    return new PreparedSql(sql, node, schema, plan, version);
  }

  /** Runs a prepared statement with {@code params} for its {@code ?}s. */
  public SqlResult execute(PreparedSql statement, List<?> params) {
    if (statement.plan() == null) {
      return dispatch(statement.sql(), statement.node(), params);
    }
    long version = engine.catalog().version();
    if (version != statement.catalogVersion()) {
      statement.replan(engine.plan(statement.sql(), statement.node(), statement.schema()), version);
    }
    return run(statement.plan(), params);
  }

  public boolean autoCommit() {
    return txns.autoCommit();
  }

  /** JDBC {@code setAutoCommit}: turning it on commits an open transaction. */
  public void setAutoCommit(boolean on) {
    txns.setAutoCommit(on);
  }

  /** JDBC {@code setReadOnly}: the access mode of transactions that do not say otherwise. */
  public void setReadOnly(boolean readOnly) {
    txns.setReadOnlyDefault(readOnly);
  }

  public boolean readOnly() {
    return txns.readOnlyDefault();
  }

  /** True inside BEGIN … COMMIT, or always when autocommit is off. */
  public boolean inTransaction() {
    return txns.inBlock();
  }

  public void commit() {
    txns.commit();
  }

  public void rollback() {
    txns.rollback();
  }

  public String schema() {
    return schema;
  }

  /**
   * Sets the schema bare names resolve in: a catalog schema or {@code INFORMATION_SCHEMA}; {@code
   * SCHEMA_NOT_FOUND} if it does not exist.
   */
  public void setSchema(String name) {
    if (!engine.catalog().hasSchema(name) && !InformationSchema.NAME.equals(name)) {
      throw new CesiumException(ErrorCode.SCHEMA_NOT_FOUND, "no schema " + name);
    }
    schema = name;
  }

  /** Rolls back whatever is open. */
  @Override
  public void close() {
    txns.rollback();
  }

  private SqlResult dispatch(String sql, SqlNode node, List<?> params) {
    if (node instanceof CesiumSqlTransaction t) {
      requireNoParams(params);
      return control(t);
    }
    if (node instanceof CesiumSqlShow show) {
      requireNoParams(params);
      return timestamps.show(show.name());
    }
    if (DdlConverter.isDdl(node)) {
      requireNoParams(params);
      engine.ddl().execute(new DdlConverter(engine.catalog(), schema).convert(node));
      return SqlResult.ok();
    }
    if (StatementPlanner.isPlannable(node)) {
      return run(engine.plan(sql, node, schema), params);
    }
    throw new CesiumException(
        ErrorCode.FEATURE_NOT_SUPPORTED, "statement not supported: " + node.getKind());
  }

  private SqlResult control(CesiumSqlTransaction t) {
    Boolean readOnly =
        switch (t.access()) {
          case READ_ONLY -> true;
          case READ_WRITE -> false;
          case DEFAULT -> null;
        };
    switch (t.action()) {
      case BEGIN -> txns.begin(readOnly);
      case COMMIT -> txns.commit();
      case ROLLBACK -> txns.rollback();
      case SET_TRANSACTION -> txns.setNext(Boolean.TRUE.equals(readOnly));
    }
    return SqlResult.ok();
  }

  private SqlResult run(CompiledPlan plan, List<?> params) {
    if (plan.kind() == CompiledPlan.Kind.EXPLAIN) {
      return SqlResult.rows(ResultColumn.of(plan.rowType()), plan.execute(null, List.of(), 0));
    }
    List<Object> bound = ParameterBinder.bind(plan.parameterType(), params);
    List<Object[]> rows = txns.inBlock() ? inBlock(plan, bound) : autocommit(plan, bound);
    if (plan.kind() == CompiledPlan.Kind.DML) {
      return SqlResult.updateCount(((Number) rows.get(0)[0]).longValue());
    }
    return SqlResult.rows(ResultColumn.of(plan.rowType(), plan.fieldOrigins()), rows);
  }

  private List<Object[]> inBlock(CompiledPlan plan, List<Object> params) {
    KvTxn txn = txns.blockTxn();
    try {
      return plan.execute(txn, params, engine.statementMillis());
    } catch (CesiumException e) {
      txns.statementFailed(e);
      throw e;
    }
  }

  private List<Object[]> autocommit(CompiledPlan plan, List<Object> params) {
    boolean readOnly = txns.takeStatementReadOnly(plan.kind() == CompiledPlan.Kind.DML);
    for (int attempt = 1; ; attempt++) {
      KvTxn txn = readOnly ? engine.store().beginReadOnly() : engine.store().begin();
      try {
        List<Object[]> rows = plan.execute(txn, params, engine.statementMillis());
        timestamps.committed(txn, txn.commit());
        return rows;
      } catch (CesiumException e) {
        txn.rollback();
        if (!RETRY_AUTOCOMMIT.contains(e.code())
            || attempt >= engine.config().autocommitAttempts()) {
          throw e;
        }
      }
    }
  }

  private static String withoutTrailingSemicolon(String sql) {
    String s = sql.stripTrailing();
    return s.endsWith(";") ? s.substring(0, s.length() - 1) : sql;
  }

  private static void requireNoParams(List<?> params) {
    if (!params.isEmpty()) {
      throw new CesiumException(
          ErrorCode.INVALID_ARGUMENT, "statement has no parameters, got " + params.size());
    }
  }
}
