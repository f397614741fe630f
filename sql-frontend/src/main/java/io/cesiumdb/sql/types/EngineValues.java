package io.cesiumdb.sql.types;

import io.cesiumdb.proto.placement.ColumnType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.apache.calcite.avatica.util.ByteString;

/**
 * The Java representation of a value inside the engine: what the codecs read and write, what rows
 * ({@code Object[]}) hold and what Calcite's enumerable runtime computes with. It is Calcite's
 * <em>internal</em> representation, as {@code JavaTypeFactoryImpl.getJavaClass} reports it for
 * Calcite 1.42 (checked by {@code EngineValuesTest}) and as Calcite's own adapters produce it (the
 * CSV adapter converts DATE to {@code int} days and TIMESTAMP to {@code long} millis):
 *
 * <pre>
 *   BIGINT  Long          DECIMAL  BigDecimal (scale = the column's)   DATE       Integer: days since 1970-01-01
 *   INTEGER Integer       VARCHAR  String                              TIMESTAMP  Long: millis since 1970-01-01T00:00, no zone
 *   SMALLINT Short        BOOLEAN  Boolean                             VARBINARY  org.apache.calcite.avatica.util.ByteString
 *   DOUBLE  Double
 * </pre>
 *
 * SQL NULL is Java {@code null}. TIMESTAMP is a local date-time (SQL {@code TIMESTAMP WITHOUT TIME
 * ZONE}): the millis are those of the wall-clock reading taken as if it were UTC. DATE and
 * TIMESTAMP use the proleptic Gregorian calendar ({@code java.time}), range 0001-01-01 to
 * 9999-12-31.
 */
public final class EngineValues {
  /** 0001-01-01 as days since the epoch. */
  public static final int MIN_DATE = (int) LocalDate.of(1, 1, 1).toEpochDay();

  /** 9999-12-31 as days since the epoch. */
  public static final int MAX_DATE = (int) LocalDate.of(9999, 12, 31).toEpochDay();

  /** 0001-01-01T00:00:00.000 in engine millis. */
  public static final long MIN_TIMESTAMP = toMillis(LocalDateTime.of(1, 1, 1, 0, 0));

  /** 9999-12-31T23:59:59.999 in engine millis. */
  public static final long MAX_TIMESTAMP =
      toMillis(LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_000_000));

  private EngineValues() {}

  /** The class every non-null value of a column of this type has inside the engine. */
  public static Class<?> javaClass(ColumnType type) {
    return switch (type) {
      case BIGINT, TIMESTAMP -> Long.class;
      case INTEGER, DATE -> Integer.class;
      case SMALLINT -> Short.class;
      case DOUBLE -> Double.class;
      case DECIMAL -> BigDecimal.class;
      case VARCHAR -> String.class;
      case BOOLEAN -> Boolean.class;
      case VARBINARY -> ByteString.class;
      default -> throw ColumnTypes.unsupported(type.name());
    };
  }

  public static int toDays(LocalDate date) {
    return Math.toIntExact(date.toEpochDay());
  }

  public static LocalDate toLocalDate(int days) {
    return LocalDate.ofEpochDay(days);
  }

  public static long toMillis(LocalDateTime ts) {
    return ts.toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  public static LocalDateTime toLocalDateTime(long millis) {
    return LocalDateTime.ofEpochSecond(
        Math.floorDiv(millis, 1000L),
        (int) Math.floorMod(millis, 1000L) * 1_000_000,
        ZoneOffset.UTC);
  }

  /** Wraps a copy of {@code bytes}. */
  public static ByteString toByteString(byte[] bytes) {
    return new ByteString(bytes);
  }
}
