package io.cesiumdb.sql.plan;

import io.cesiumdb.sql.exec.ExecContext;
import io.cesiumdb.sql.exec.KvTxn;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.runtime.Bindable;

/**
 * A planned statement, ready to run many times: the compiled physical plan (a {@link Bindable}
 * whose generated code was compiled once, when the plan was built), the operators it stashed, its
 * result and parameter types, and its EXPLAIN text. Immutable and thread-safe; every execution gets
 * its own {@link ExecContext}. What the session's plan cache holds.
 */
public final class CompiledPlan {
  /** What the statement is. */
  public enum Kind {
    /** Returns rows; runs in a read-only transaction when autocommitted. */
    QUERY,
    /** INSERT / UPSERT / UPDATE / DELETE: returns the row count; needs a read-write transaction. */
    DML,
    /** EXPLAIN PLAN FOR: returns the plan text; nothing runs. */
    EXPLAIN
  }

  private final Kind kind;
  private final Bindable<?> bindable;
  private final Map<String, Object> stashed;
  private final RelDataType rowType;
  private final RelDataType parameterType;
  private final String explain;
  private final JavaTypeFactory typeFactory;
  private final List<List<String>> fieldOrigins;

  CompiledPlan(
      Kind kind,
      Bindable<?> bindable,
      Map<String, Object> stashed,
      RelDataType rowType,
      RelDataType parameterType,
      String explain,
      JavaTypeFactory typeFactory,
      List<List<String>> fieldOrigins) {
    this.kind = kind;
    this.bindable = bindable;
    this.stashed = Map.copyOf(stashed);
    this.rowType = rowType;
    this.parameterType = parameterType;
    this.explain = explain;
    this.typeFactory = typeFactory;
    this.fieldOrigins = Collections.unmodifiableList(new ArrayList<>(fieldOrigins));
  }

  public Kind kind() {
    return kind;
  }

  /** The result columns: names and types ({@code ROWCOUNT} for DML, {@code PLAN} for EXPLAIN). */
  public RelDataType rowType() {
    return rowType;
  }

  /**
   * Per result column of a query, the table column it shows unchanged as {@code [schema, table,
   * column]}, or null when it is computed; empty for DML and EXPLAIN.
   */
  public List<List<String>> fieldOrigins() {
    return fieldOrigins;
  }

  /** One field per {@code ?}, in order, with the type the validator inferred. */
  public RelDataType parameterType() {
    return parameterType;
  }

  /** The physical plan as text, as {@code EXPLAIN PLAN FOR} shows it. */
  public String explain() {
    return explain;
  }

  /**
   * Runs the plan in {@code txn} and returns every row ({@code Object[]} of engine values).
   *
   * @param params engine values, one per {@code ?}, already fitted to {@link #parameterType()}
   * @param statementMillis the statement's CURRENT_TIMESTAMP, millis since the epoch (UTC)
   */
  public List<Object[]> execute(KvTxn txn, List<Object> params, long statementMillis) {
    if (kind == Kind.EXPLAIN) {
      List<Object[]> out = new ArrayList<>();
      out.add(new Object[] {explain});
      return out;
    }
    ExecContext ctx = new ExecContext(typeFactory, stashed, params, txn, statementMillis);
    boolean scalar = rowType.getFieldCount() == 1;
    List<Object[]> rows = new ArrayList<>();
    try (Enumerator<?> it = bindable.bind(ctx).enumerator()) {
      while (it.moveNext()) {
        Object row = it.current();
        rows.add(scalar && !(row instanceof Object[]) ? new Object[] {row} : (Object[]) row);
      }
    } catch (RuntimeException e) {
      throw PlanErrors.execution(e);
    }
    return rows;
  }
}
