package io.cesiumdb.sql.plan;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.validate.SqlValidatorException;

/**
 * Calcite's exceptions as {@link CesiumException}s with stable codes. Validation errors keep
 * Calcite's message, which starts with the position ({@code From line 1, column 15 to line 1,
 * column 17: Object 'NOPE' not found}); the code comes from the validator's message: unknown table
 * or schema → {@code TABLE_NOT_FOUND} (42P01), unknown column → {@code COLUMN_NOT_FOUND}, a NOT
 * NULL column without a value → {@code NOT_NULL_VIOLATION} (23502), anything else → {@code
 * VALIDATION_ERROR}. Errors raised while running generated code: a value out of the range of its
 * type (checked narrowing CAST, integer overflow) → {@code NUMERIC_OUT_OF_RANGE} (22003), other
 * arithmetic and conversion failures → {@code DATA_EXCEPTION}.
 */
public final class PlanErrors {
  private PlanErrors() {}

  /** An error from parsing, validating or planning. */
  public static CesiumException planning(Throwable t) {
    if (t instanceof CesiumException ce) {
      return ce;
    }
    SqlValidatorException v = find(t, SqlValidatorException.class);
    if (v != null) {
      CalciteContextException ctx = find(t, CalciteContextException.class);
      String message = ctx != null ? ctx.getMessage() : v.getMessage();
      return new CesiumException(validationCode(v.getMessage()), message, t);
    }
    if (t instanceof IllegalArgumentException
        && String.valueOf(t.getMessage()).contains("overflow")) {
      // Calcite fitting a literal to its column while converting VALUES.
      return new CesiumException(ErrorCode.NUMERIC_OUT_OF_RANGE, t.getMessage(), t);
    }
    if (find(t, RelOptPlanner.CannotPlanException.class) != null) {
      return new CesiumException(
          ErrorCode.FEATURE_NOT_SUPPORTED, "statement cannot be executed: " + firstLine(t), t);
    }
    CesiumException inner = find(t, CesiumException.class);
    return inner != null ? inner : new CesiumException(ErrorCode.INTERNAL, firstLine(t), t);
  }

  /** An error thrown while a compiled plan runs. */
  public static CesiumException execution(Throwable t) {
    CesiumException inner = find(t, CesiumException.class);
    if (inner != null) {
      return inner;
    }
    if (t instanceof ArithmeticException && isOverflow(t.getMessage())) {
      // Calcite's checked narrowing CAST: "Value 100001 out of range".
      return new CesiumException(ErrorCode.NUMERIC_OUT_OF_RANGE, t.getMessage(), t);
    }
    if (t instanceof ArithmeticException || t instanceof NumberFormatException) {
      return new CesiumException(ErrorCode.DATA_EXCEPTION, String.valueOf(t.getMessage()), t);
    }
    if (t instanceof IllegalArgumentException) {
      return new CesiumException(ErrorCode.DATA_EXCEPTION, String.valueOf(t.getMessage()), t);
    }
    return new CesiumException(ErrorCode.INTERNAL, firstLine(t), t);
  }

  private static boolean isOverflow(String message) {
    String m = String.valueOf(message);
    return m.contains("out of range") || m.contains("overflow");
  }

  static ErrorCode validationCode(String message) {
    String m = String.valueOf(message);
    if (m.contains("has no default value and does not allow NULLs")) {
      return ErrorCode.NOT_NULL_VIOLATION;
    }
    if ((m.startsWith("Object '") || m.startsWith("Table '")) && m.contains("not found")) {
      return ErrorCode.TABLE_NOT_FOUND;
    }
    if (m.startsWith("Schema '") && m.contains("not found")) {
      return ErrorCode.SCHEMA_NOT_FOUND;
    }
    if (m.startsWith("Column '") && m.contains("not found")) {
      return ErrorCode.COLUMN_NOT_FOUND;
    }
    return ErrorCode.VALIDATION_ERROR;
  }

  private static <T extends Throwable> T find(Throwable t, Class<T> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
    }
    return null;
  }

  private static String firstLine(Throwable t) {
    String m = String.valueOf(t.getMessage());
    int nl = m.indexOf('\n');
    return t.getClass().getSimpleName() + ": " + (nl < 0 ? m : m.substring(0, nl));
  }
}
