package io.cesiumdb.sql.plan;

import io.cesiumdb.proto.placement.ColumnDef;
import io.cesiumdb.sql.exec.Operand;
import io.cesiumdb.sql.types.ColumnTypes;
import java.math.BigDecimal;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.TimestampString;

/**
 * Which expressions may bound a key column, and their {@link Operand}s: a literal whose value the
 * column's type holds exactly ({@code ID = 5} on BIGINT, not {@code ID = 5.5}), or a dynamic
 * parameter of exactly the column's SQL type (the validator gives {@code ID = ?} the column's
 * type). Anything else stays in the residual filter: a key bound must never round, or the key range
 * would disagree with the SQL comparison.
 */
final class KeyConstants {
  private KeyConstants() {}

  /** The operand for {@code node} on key column {@code column}; null when not usable. */
  static Operand operand(RexNode node, ColumnDef column) {
    if (node instanceof RexLiteral lit) {
      Object v = lit.isNull() ? null : engineValue(lit.getValue(), column);
      return v == null ? null : new Operand.Constant(v);
    }
    if (node instanceof RexDynamicParam p
        && p.getType().getSqlTypeName() == ColumnTypes.sqlTypeName(column.getType())) {
      return new Operand.Param(p.getIndex());
    }
    return null;
  }

  /**
   * A literal's internal value ({@code RexLiteral.getValue()}, or a {@code Sarg} endpoint) as an
   * engine value of {@code column}'s type; null when it is not exactly representable.
   */
  static Object engineValue(Comparable<?> value, ColumnDef column) {
    return switch (column.getType()) {
      case BIGINT -> integral(value, Long.MIN_VALUE, Long.MAX_VALUE);
      case INTEGER -> toInt(integral(value, Integer.MIN_VALUE, Integer.MAX_VALUE));
      case SMALLINT -> toShort(integral(value, Short.MIN_VALUE, Short.MAX_VALUE));
      case DECIMAL -> value instanceof BigDecimal d ? d : null;
      case DOUBLE -> value instanceof Number n ? n.doubleValue() : null;
      case VARCHAR -> value instanceof NlsString s ? s.getValue() : null;
      case BOOLEAN -> value instanceof Boolean b ? b : null;
      case DATE -> value instanceof DateString d ? d.getDaysSinceEpoch() : null;
      case TIMESTAMP -> value instanceof TimestampString t ? t.getMillisSinceEpoch() : null;
      case VARBINARY -> value instanceof ByteString b ? b : null;
      default -> null;
    };
  }

  private static Long integral(Comparable<?> value, long min, long max) {
    BigDecimal d;
    if (value instanceof BigDecimal b) {
      d = b;
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      d = BigDecimal.valueOf(((Number) value).longValue());
    } else {
      return null;
    }
    if (d.signum() != 0 && d.stripTrailingZeros().scale() > 0) {
      return null;
    }
    if (d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
      return null;
    }
    return d.longValueExact();
  }

  private static Integer toInt(Long v) {
    return v == null ? null : v.intValue();
  }

  private static Short toShort(Long v) {
    return v == null ? null : v.shortValue();
  }
}
