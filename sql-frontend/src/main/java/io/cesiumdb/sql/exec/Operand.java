package io.cesiumdb.sql.exec;

import org.apache.calcite.DataContext;

/**
 * A value a plan knows at planning time ({@link Constant}, already an engine value of the key
 * column's class) or only at execution ({@link Param}, a {@code ?} of a prepared statement). Key
 * bounds are operands, so one cached plan serves every parameter value without re-planning.
 */
public sealed interface Operand {
  /** The value for this execution; null for SQL NULL. */
  Object resolve(DataContext ctx);

  /** For EXPLAIN: the literal, or {@code ?n} (0-based). */
  String describe();

  /** A constant engine value. */
  record Constant(Object value) implements Operand {
    @Override
    public Object resolve(DataContext ctx) {
      return value;
    }

    @Override
    public String describe() {
      return value instanceof String s ? "'" + s.replace("'", "''") + "'" : String.valueOf(value);
    }
  }

  /** The dynamic parameter {@code ?index}, 0-based, as the session bound it. */
  record Param(int index) implements Operand {
    @Override
    public Object resolve(DataContext ctx) {
      return ctx.get(ExecContext.paramName(index));
    }

    @Override
    public String describe() {
      return "?" + index;
    }
  }
}
