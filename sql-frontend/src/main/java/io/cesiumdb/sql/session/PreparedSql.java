package io.cesiumdb.sql.session;

import io.cesiumdb.sql.ddl.DdlConverter;
import io.cesiumdb.sql.plan.CompiledPlan;
import java.util.List;
import org.apache.calcite.sql.SqlNode;

/**
 * A statement prepared by {@link SqlSession#prepare}: parsed once and, for queries and DML, planned
 * once. Executing it again reuses the plan without parsing, planning or a cache lookup, as long as
 * the catalog has not changed (then it is re-planned once, transparently). Belongs to its session;
 * not thread-safe.
 */
public final class PreparedSql {
  /** The kinds of statement a session runs. */
  public enum Kind {
    /** SELECT, VALUES, EXPLAIN …: returns rows. */
    QUERY,
    /** INSERT / UPSERT / UPDATE / DELETE: returns an update count. */
    DML,
    /** CREATE / DROP / ALTER: runs at once, outside transactions. */
    DDL,
    /** BEGIN / START TRANSACTION / COMMIT / ROLLBACK / SET TRANSACTION. */
    TRANSACTION_CONTROL
  }

  private final String sql;
  private final SqlNode node;
  private final String schema;
  private CompiledPlan plan;
  private long catalogVersion;

  PreparedSql(String sql, SqlNode node, String schema, CompiledPlan plan, long catalogVersion) {
    this.sql = sql;
    this.node = node;
    this.schema = schema;
    this.plan = plan;
    this.catalogVersion = catalogVersion;
  }

  public String sql() {
    return sql;
  }

  /** The {@code ?} parameters with their inferred types; empty for DDL and transaction control. */
  public List<ResultColumn> parameters() {
    return plan == null ? List.of() : ResultColumn.of(plan.parameterType());
  }

  /** The result columns of a query or EXPLAIN; empty for everything else. */
  public List<ResultColumn> columns() {
    return returnsRows() ? ResultColumn.of(plan.rowType(), plan.fieldOrigins()) : List.of();
  }

  /** What kind of statement this is. */
  public Kind kind() {
    if (plan == null) {
      return DdlConverter.isDdl(node) ? Kind.DDL : Kind.TRANSACTION_CONTROL;
    }
    return plan.kind() == CompiledPlan.Kind.DML ? Kind.DML : Kind.QUERY;
  }

  /** True for queries and EXPLAIN. */
  public boolean returnsRows() {
    return plan != null && plan.kind() != CompiledPlan.Kind.DML;
  }

  SqlNode node() {
    return node;
  }

  String schema() {
    return schema;
  }

  /** Null for statements that are not planned (DDL, transaction control). */
  CompiledPlan plan() {
    return plan;
  }

  long catalogVersion() {
    return catalogVersion;
  }

  void replan(CompiledPlan newPlan, long version) {
    this.plan = newPlan;
    this.catalogVersion = version;
  }
}
