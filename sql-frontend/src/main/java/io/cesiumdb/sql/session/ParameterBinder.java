package io.cesiumdb.sql.session;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.placement.ColumnDef;
import io.cesiumdb.proto.placement.ColumnType;
import io.cesiumdb.sql.types.CesiumTypeSystem;
import io.cesiumdb.sql.types.ColumnDefs;
import io.cesiumdb.sql.types.ColumnTypes;
import io.cesiumdb.sql.types.ValueCoercer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Client parameter values to engine values of the types the validator gave the {@code ?}s, so
 * generated code and key bounds see exactly the classes they expect (an {@code Integer} for a
 * BIGINT parameter becomes a {@code Long}; a {@code LocalDate} becomes days). Uses {@link
 * ValueCoercer}'s rules with two deliberate differences: lengths are not enforced (a long string
 * compared with a VARCHAR(5) column simply matches nothing; the column's length is enforced when a
 * value is stored) and DECIMAL keeps its exact value (no rounding to the parameter's scale).
 */
final class ParameterBinder {
  private ParameterBinder() {}

  static List<Object> bind(RelDataType types, List<?> values) {
    if (values.size() != types.getFieldCount()) {
      throw new CesiumException(
          ErrorCode.INVALID_ARGUMENT,
          "statement has " + types.getFieldCount() + " parameters, got " + values.size());
    }
    List<Object> out = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      out.add(bind(types.getFieldList().get(i).getType(), values.get(i), i));
    }
    return out;
  }

  private static Object bind(RelDataType type, Object value, int index) {
    if (value == null) {
      return null;
    }
    SqlTypeName name = type.getSqlTypeName();
    return switch (name) {
      case DECIMAL -> decimal(value, index);
      case CHAR -> String.valueOf(value);
      case BIGINT, INTEGER, SMALLINT, DOUBLE, BOOLEAN, DATE, VARCHAR, VARBINARY ->
          ValueCoercer.coerce(
              ColumnDefs.of("?" + index, ColumnTypes.columnType(name), true), value);
      case TIMESTAMP ->
          ValueCoercer.coerce(
              ColumnDefs.of("?" + index, ColumnType.TIMESTAMP, true).toBuilder()
                  .setPrecision(CesiumTypeSystem.MAX_TIMESTAMP_PRECISION)
                  .build(),
              value);
      default -> value;
    };
  }

  private static BigDecimal decimal(Object value, int index) {
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isFinite(d)) {
        return BigDecimal.valueOf(d);
      }
    }
    ColumnDef c = ColumnDefs.decimal("?" + index, CesiumTypeSystem.MAX_DECIMAL_PRECISION, 0, true);
    throw new CesiumException(
        ErrorCode.DATA_EXCEPTION,
        "parameter " + index + ": " + value + " is not a valid " + ColumnDefs.describe(c));
  }
}
