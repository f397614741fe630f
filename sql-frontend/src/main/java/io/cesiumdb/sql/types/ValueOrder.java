package io.cesiumdb.sql.types;

import io.cesiumdb.proto.placement.ColumnType;
import java.math.BigDecimal;
import java.util.Comparator;
import org.apache.calcite.avatica.util.ByteString;

/**
 * SQL order of non-null engine values of one type, as the engine defines it; the key codec's
 * contract is that unsigned byte order of encodings equals this order. Choices, each the one
 * Calcite's runtime makes, so a key range and a residual filter never disagree:
 *
 * <ul>
 *   <li>DECIMAL by numeric value ({@code 1.5 = 1.50});
 *   <li>DOUBLE as {@link Double#compare} except {@code -0.0 = 0.0}; NaN is above +Infinity;
 *   <li>VARCHAR by UTF-16 code unit ({@link String#compareTo}, Calcite's {@code SqlFunctions.lt}):
 *       binary collation, no locale, no trailing-space padding;
 *   <li>VARBINARY unsigned lexicographic (Avatica's {@code ByteString.compareTo});
 *   <li>BOOLEAN {@code false < true}; DATE, TIMESTAMP and the integers by number.
 * </ul>
 */
public final class ValueOrder {
  private ValueOrder() {}

  /** Compares two non-null values of {@code type}. */
  public static int compare(ColumnType type, Object a, Object b) {
    return switch (type) {
      case BIGINT, TIMESTAMP -> Long.compare((Long) a, (Long) b);
      case INTEGER, DATE -> Integer.compare((Integer) a, (Integer) b);
      case SMALLINT -> Short.compare((Short) a, (Short) b);
      case DOUBLE -> Double.compare(normalize((Double) a), normalize((Double) b));
      case DECIMAL -> ((BigDecimal) a).compareTo((BigDecimal) b);
      case VARCHAR -> ((String) a).compareTo((String) b);
      case BOOLEAN -> Boolean.compare((Boolean) a, (Boolean) b);
      case VARBINARY -> ((ByteString) a).compareTo((ByteString) b);
      default -> throw ColumnTypes.unsupported(type.name());
    };
  }

  public static Comparator<Object> comparator(ColumnType type) {
    return (a, b) -> compare(type, a, b);
  }

  /** {@code -0.0} becomes {@code 0.0} (SQL equality); everything else is unchanged. */
  public static double normalize(double d) {
    return d == 0.0 ? 0.0 : d;
  }
}
