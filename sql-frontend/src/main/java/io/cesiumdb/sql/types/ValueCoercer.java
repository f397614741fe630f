package io.cesiumdb.sql.types;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.placement.ColumnDef;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Makes a value fit a column before it is stored: converts it to the column's {@link EngineValues}
 * class and enforces the declared type. Rules (SQL store assignment):
 *
 * <ul>
 *   <li>NULL into a NOT NULL column: {@code NOT_NULL_VIOLATION} (23502).
 *   <li>Exact and approximate numbers convert between numeric types; a fraction going into an
 *       integer or a narrower DECIMAL scale is rounded half up. A result outside the type (integer
 *       range, more than {@code p - s} integer digits, NaN/Infinity into an exact type): {@code
 *       NUMERIC_OUT_OF_RANGE} (22003).
 *   <li>VARCHAR(n) counts characters (code points); a longer string is {@code DATA_EXCEPTION}
 *       unless the excess is spaces, which are cut (SQL's rule). A string with an unpaired
 *       surrogate is rejected: it has no UTF-8 form.
 *   <li>VARBINARY(n) counts bytes; longer is {@code DATA_EXCEPTION}.
 *   <li>DATE and TIMESTAMP outside 0001-01-01..9999-12-31: {@code DATA_EXCEPTION}; TIMESTAMP(p)
 *       with p &lt; 3 drops the extra fractional digits (toward the past).
 *   <li>Any other kind of value (a string into a number, a number into a string…): {@code
 *       DATA_EXCEPTION}. Casts are the planner's job; this is the last line of defence.
 * </ul>
 *
 * <p>Also accepts the external forms {@link LocalDate}, {@link LocalDateTime} and {@code byte[]}.
 */
public final class ValueCoercer {
  private ValueCoercer() {}

  /** The value as stored in {@code column}: engine class, in range, or an exception. */
  public static Object coerce(ColumnDef column, Object value) {
    if (value == null) {
      if (!column.getNullable()) {
        throw new CesiumException(
            ErrorCode.NOT_NULL_VIOLATION, "null value in NOT NULL column " + column.getName());
      }
      return null;
    }
    return switch (column.getType()) {
      case BIGINT -> integral(column, value, Long.MIN_VALUE, Long.MAX_VALUE);
      case INTEGER -> (int) integral(column, value, Integer.MIN_VALUE, Integer.MAX_VALUE);
      case SMALLINT -> (short) integral(column, value, Short.MIN_VALUE, Short.MAX_VALUE);
      case DOUBLE -> toDouble(column, value);
      case DECIMAL -> decimal(column, value);
      case VARCHAR -> TextValues.varchar(column, value);
      case BOOLEAN -> TextValues.require(column, value, Boolean.class);
      case DATE -> date(column, value);
      case TIMESTAMP -> timestamp(column, value);
      case VARBINARY -> TextValues.varbinary(column, value);
      default -> throw ColumnTypes.unsupported(column.getType().name());
    };
  }

  private static long integral(ColumnDef column, Object value, long min, long max) {
    if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      long v = ((Number) value).longValue();
      return inRange(column, value, v >= min && v <= max, v);
    }
    if (value instanceof Byte b) {
      return b;
    }
    BigInteger v = exact(column, value).setScale(0, RoundingMode.HALF_UP).toBigIntegerExact();
    boolean ok =
        v.compareTo(BigInteger.valueOf(min)) >= 0 && v.compareTo(BigInteger.valueOf(max)) <= 0;
    return inRange(column, value, ok, ok ? v.longValueExact() : 0);
  }

  private static double toDouble(ColumnDef column, Object value) {
    if (!(value instanceof Number n)) {
      throw TextValues.mismatch(column, value);
    }
    double d = n.doubleValue();
    boolean overflow = Double.isInfinite(d) && !(value instanceof Double || value instanceof Float);
    return inRange(column, value, !overflow, d);
  }

  private static BigDecimal decimal(ColumnDef column, Object value) {
    BigDecimal v = exact(column, value).setScale(column.getScale(), RoundingMode.HALF_UP);
    return inRange(column, value, v.precision() <= column.getPrecision(), v);
  }

  /**
   * Any number as an exact BigDecimal; NaN, infinities and magnitudes beyond every column are out
   * of range, and magnitudes below every column's last digit are 0 (so a value like {@code
   * 1E+999999999} never makes {@code setScale} build a billion-digit number).
   */
  private static BigDecimal exact(ColumnDef column, Object value) {
    BigDecimal d = anyExact(column, value);
    long integerDigits = (long) d.precision() - d.scale();
    inRange(column, value, integerDigits <= CesiumTypeSystem.MAX_DECIMAL_PRECISION + 1, d);
    return integerDigits < -CesiumTypeSystem.MAX_DECIMAL_PRECISION - 1 ? BigDecimal.ZERO : d;
  }

  private static BigDecimal anyExact(ColumnDef column, Object value) {
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      inRange(column, value, Double.isFinite(d), d);
      return BigDecimal.valueOf(d);
    }
    if (value instanceof Number n) {
      return BigDecimal.valueOf(n.longValue());
    }
    throw TextValues.mismatch(column, value);
  }

  private static int date(ColumnDef column, Object value) {
    long days;
    if (value instanceof Integer i) {
      days = i;
    } else if (value instanceof LocalDate d) {
      days = d.toEpochDay();
    } else {
      throw TextValues.mismatch(column, value);
    }
    if (days < EngineValues.MIN_DATE || days > EngineValues.MAX_DATE) {
      throw TextValues.dataException(column, value, "date out of range 0001-01-01..9999-12-31");
    }
    return (int) days;
  }

  private static long timestamp(ColumnDef column, Object value) {
    long millis;
    if (value instanceof Long l) {
      millis = l;
    } else if (value instanceof LocalDateTime t) {
      millis = EngineValues.toMillis(t);
    } else {
      throw TextValues.mismatch(column, value);
    }
    if (millis < EngineValues.MIN_TIMESTAMP || millis > EngineValues.MAX_TIMESTAMP) {
      throw TextValues.dataException(column, value, "timestamp out of range 0001..9999");
    }
    // TIMESTAMP(p), p < 3: drop the digits below 10^-p s; p >= 3 keeps every milli.
    int dropped = Math.max(0, CesiumTypeSystem.MAX_TIMESTAMP_PRECISION - column.getPrecision());
    long unit = dropped == 0 ? 1 : dropped == 1 ? 10 : dropped == 2 ? 100 : 1000;
    return millis - Math.floorMod(millis, unit);
  }

  private static <T> T inRange(ColumnDef column, Object value, boolean ok, T result) {
    if (!ok) {
      throw new CesiumException(
          ErrorCode.NUMERIC_OUT_OF_RANGE,
          "value " + value + " out of range for " + ColumnDefs.describe(column));
    }
    return result;
  }
}
