package io.cesiumdb.sql.plan;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelVisitor;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Refuses a plan holding a numeric literal that does not fit the type it will be generated as.
 *
 * <p>Why: converting {@code INSERT … VALUES (100000)} into a SMALLINT column, Calcite types the
 * VALUES row as the table's row and re-types each literal to its column without a range check
 * (DECIMAL is checked, integers are not); the generated code then narrows with a Java cast, so
 * 100000 would be stored as -31072. Store assignment must fail instead, with {@code
 * NUMERIC_OUT_OF_RANGE} (22003), as it does for parameters and computed values ({@code
 * ValueCoercer}). The check covers the literals of every {@link Values} (against the field type of
 * the row) and every literal an operator's expressions hold (against its own type): a literal
 * outside its own type is never meaningful.
 */
final class LiteralRangeCheck extends RelVisitor {
  private static final RexShuttle EXPRESSIONS =
      new RexShuttle() {
        @Override
        public RexLiteral visitLiteral(RexLiteral literal) {
          check(literal, literal.getType());
          return literal;
        }
      };

  private LiteralRangeCheck() {}

  /** Throws {@code NUMERIC_OUT_OF_RANGE} for the first literal of {@code plan} outside its type. */
  static void check(RelNode plan) {
    new LiteralRangeCheck().go(plan);
  }

  @Override
  public void visit(RelNode node, int ordinal, RelNode parent) {
    if (node instanceof Values values) {
      List<RelDataTypeField> fields = values.getRowType().getFieldList();
      for (List<RexLiteral> tuple : values.getTuples()) {
        for (int i = 0; i < tuple.size(); i++) {
          check(tuple.get(i), fields.get(i).getType());
        }
      }
    } else {
      node.accept(EXPRESSIONS);
    }
    super.visit(node, ordinal, parent);
  }

  private static void check(RexLiteral literal, RelDataType type) {
    if (literal.isNull() || !SqlTypeName.NUMERIC_TYPES.contains(literal.getTypeName())) {
      return;
    }
    BigDecimal value = literal.getValueAs(BigDecimal.class);
    if (value != null && !fits(value, type)) {
      throw new CesiumException(
          ErrorCode.NUMERIC_OUT_OF_RANGE,
          "value " + value.toPlainString() + " out of range for " + type.getFullTypeString());
    }
  }

  /** Whether {@code value}, rounded to the scale of {@code type}, lies within it. */
  static boolean fits(BigDecimal value, RelDataType type) {
    return switch (type.getSqlTypeName()) {
      case TINYINT -> within(value, Byte.MIN_VALUE, Byte.MAX_VALUE);
      case SMALLINT -> within(value, Short.MIN_VALUE, Short.MAX_VALUE);
      case INTEGER -> within(value, Integer.MIN_VALUE, Integer.MAX_VALUE);
      case BIGINT -> within(value, Long.MIN_VALUE, Long.MAX_VALUE);
      case DECIMAL -> {
        BigDecimal rounded = value.setScale(type.getScale(), RoundingMode.HALF_UP);
        yield rounded.precision() - rounded.scale() <= type.getPrecision() - type.getScale();
      }
      default -> true;
    };
  }

  private static boolean within(BigDecimal value, long min, long max) {
    BigDecimal v = value.setScale(0, RoundingMode.HALF_UP);
    return v.compareTo(BigDecimal.valueOf(min)) >= 0 && v.compareTo(BigDecimal.valueOf(max)) <= 0;
  }
}
