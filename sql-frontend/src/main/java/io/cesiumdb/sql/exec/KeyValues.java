package io.cesiumdb.sql.exec;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.placement.ColumnDef;
import io.cesiumdb.sql.types.ColumnDefs;
import io.cesiumdb.sql.types.EngineValues;
import java.math.BigDecimal;

/**
 * Fits a key operand's runtime value to its key column without changing it: the planner only binds
 * operands whose SQL type is the column's, so this is at most an exact widening between Java
 * classes (a parameter bound as {@code Integer} for a BIGINT column). Anything else is {@code
 * DATA_EXCEPTION}: rounding here would make a range disagree with SQL comparison.
 */
final class KeyValues {
  private KeyValues() {}

  /** The engine value of {@code value} for {@code column}; null stays null. */
  static Object forKey(ColumnDef column, Object value) {
    if (value == null) {
      return null;
    }
    Class<?> target = EngineValues.javaClass(column.getType());
    if (target.isInstance(value)) {
      return value;
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      long v = ((Number) value).longValue();
      if (target == Long.class) {
        return v;
      }
      if (target == Integer.class && v == (int) v) {
        return (int) v;
      }
      if (target == Short.class && v == (short) v) {
        return (short) v;
      }
      if (target == BigDecimal.class) {
        return BigDecimal.valueOf(v);
      }
      if (target == Double.class) {
        return (double) v;
      }
    }
    throw new CesiumException(
        ErrorCode.DATA_EXCEPTION,
        "value " + value + " does not fit key column " + ColumnDefs.describe(column));
  }
}
