package io.cesiumdb.sql.ddl;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.placement.ColumnDef;
import io.cesiumdb.sql.types.ColumnDefs;
import io.cesiumdb.sql.types.ValueCoercer;
import java.math.BigDecimal;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlUnknownLiteral;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.BitString;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.TimestampString;

/**
 * The value of a constant in DDL (a split point, a DEFAULT) for a given column: literals and signed
 * numbers only, then {@link ValueCoercer} rules (so {@code 10.5} in a BIGINT column is 11, and a
 * string in a number column is {@code DATA_EXCEPTION}). Typed literals are needed for dates and
 * times: {@code DATE '2024-01-31'}, {@code TIMESTAMP '2024-01-31 12:00:00'}; binary is {@code
 * X'0aff'}.
 */
public final class LiteralValues {
  private LiteralValues() {}

  /** True for a literal or a signed numeric literal: the only nodes {@link #value} accepts. */
  public static boolean isConstant(SqlNode node) {
    if (node instanceof SqlLiteral) {
      return true;
    }
    return isSigned(node) && ((SqlBasicCall) node).operand(0) instanceof SqlNumericLiteral;
  }

  /** The engine value of {@code node} stored in {@code column} (null for a NULL literal). */
  public static Object value(SqlNode node, ColumnDef column) {
    return ValueCoercer.coerce(column, raw(node, column));
  }

  private static Object raw(SqlNode node, ColumnDef column) {
    if (isSigned(node) && ((SqlBasicCall) node).operand(0) instanceof SqlNumericLiteral n) {
      BigDecimal v = number(n);
      return node.getKind() == SqlKind.MINUS_PREFIX ? v.negate() : v;
    }
    if (!(node instanceof SqlLiteral literal)) {
      throw new CesiumException(
          ErrorCode.VALIDATION_ERROR,
          "expected a literal for column " + ColumnDefs.describe(column) + ", got " + node);
    }
    if (literal instanceof SqlUnknownLiteral typed) {
      // DATE '…' and TIMESTAMP '…' stay untyped until validation; resolve them here.
      SqlTypeName tag = SqlTypeName.get(typed.tag);
      if (tag == SqlTypeName.DATE || tag == SqlTypeName.TIMESTAMP) {
        return raw(typed.resolve(tag), column);
      }
    }
    return switch (literal.getTypeName()) {
      case NULL -> null;
      case BOOLEAN -> literal.getValueAs(Boolean.class);
      case DECIMAL, DOUBLE -> number((SqlNumericLiteral) literal);
      case CHAR -> literal.getValueAs(NlsString.class).getValue();
      case DATE -> literal.getValueAs(DateString.class).getDaysSinceEpoch();
      case TIMESTAMP -> literal.getValueAs(TimestampString.class).getMillisSinceEpoch();
      case BINARY -> literal.getValueAs(BitString.class).getAsByteArray();
      default ->
          throw new CesiumException(
              ErrorCode.VALIDATION_ERROR,
              "unsupported literal " + literal + " for column " + ColumnDefs.describe(column));
    };
  }

  /** Every numeric literal as its exact BigDecimal, approximate ones ({@code 1e3}) too. */
  private static BigDecimal number(SqlNumericLiteral n) {
    return n.getValueAs(BigDecimal.class);
  }

  private static boolean isSigned(SqlNode node) {
    return (node.getKind() == SqlKind.MINUS_PREFIX || node.getKind() == SqlKind.PLUS_PREFIX)
        && node instanceof SqlBasicCall;
  }
}
