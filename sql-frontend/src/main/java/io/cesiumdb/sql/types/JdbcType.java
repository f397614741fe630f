package io.cesiumdb.sql.types;

import io.cesiumdb.proto.placement.ColumnDef;
import java.sql.Types;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * How JDBC describes a type: the facts {@code DatabaseMetaData.getColumns}, {@code getTypeInfo},
 * {@code ResultSetMetaData} and {@code INFORMATION_SCHEMA.COLUMNS} report, computed in one place so
 * they agree. Sizes follow the JDBC rules for {@code COLUMN_SIZE}: digits for numbers, characters
 * for strings, bytes for binary strings, the length of the text form for DATE ({@code 10}) and
 * TIMESTAMP ({@code 19}, plus a point and the fractional digits).
 *
 * @param typeName the SQL name, e.g. {@code VARCHAR} ({@code TYPE_NAME})
 * @param sqlType the {@link Types} code ({@code DATA_TYPE})
 * @param columnSize {@code COLUMN_SIZE}; {@link Integer#MAX_VALUE} for unbounded VARCHAR/VARBINARY
 * @param decimalDigits {@code DECIMAL_DIGITS}: scale, fractional seconds, 0 for integers; null when
 *     not applicable
 * @param radix {@code NUM_PREC_RADIX}: 10 for numbers, null otherwise
 * @param charOctetLength {@code CHAR_OCTET_LENGTH}: most bytes of a string value (UTF-8), null for
 *     other types
 * @param bounded false for VARCHAR/VARBINARY without a declared length
 */
public record JdbcType(
    String typeName,
    int sqlType,
    int columnSize,
    Integer decimalDigits,
    Integer radix,
    Integer charOctetLength,
    boolean bounded) {
  /** UTF-8 needs at most this many bytes per character (code point). */
  private static final int MAX_UTF8_BYTES = 4;

  /** The JDBC view of a catalog column. */
  public static JdbcType of(ColumnDef c) {
    SqlTypeName name = ColumnTypes.sqlTypeName(c.getType());
    return switch (c.getType()) {
      case DECIMAL, TIMESTAMP -> of(name, c.getPrecision(), c.getScale());
      case VARCHAR, VARBINARY -> of(name, c.getLength() == 0 ? -1 : c.getLength(), 0);
      default -> of(name, -1, 0);
    };
  }

  /**
   * The JDBC view of a Calcite type. {@code precision}: DECIMAL digits, TIMESTAMP/TIME fractional
   * digits, string length (-1 = unbounded); ignored by the other types.
   */
  public static JdbcType of(SqlTypeName type, int precision, int scale) {
    String name = type.getName();
    int code = sqlType(type);
    return switch (type) {
      case BOOLEAN -> new JdbcType(name, code, 1, null, null, null, true);
      case TINYINT -> number(name, code, 3);
      case SMALLINT -> number(name, code, 5);
      case INTEGER -> number(name, code, 10);
      case BIGINT -> number(name, code, 19);
      case REAL -> new JdbcType(name, code, 7, null, 10, null, true);
      case FLOAT, DOUBLE -> new JdbcType(name, code, 15, null, 10, null, true);
      case DECIMAL -> new JdbcType(name, code, precision, scale, 10, null, true);
      case CHAR, VARCHAR -> text(name, code, precision, MAX_UTF8_BYTES);
      case BINARY, VARBINARY -> text(name, code, precision, 1);
      case DATE -> new JdbcType(name, code, 10, null, null, null, true);
      case TIME -> temporal(name, code, 8, precision);
      case TIMESTAMP -> temporal(name, code, 19, precision);
      default -> new JdbcType(name, code, 0, null, null, null, true);
    };
  }

  /** The {@link Types} code of a Calcite type; {@link Types#OTHER} for types JDBC lacks. */
  public static int sqlType(SqlTypeName type) {
    return switch (type) {
      case BOOLEAN -> Types.BOOLEAN;
      case TINYINT -> Types.TINYINT;
      case SMALLINT -> Types.SMALLINT;
      case INTEGER -> Types.INTEGER;
      case BIGINT -> Types.BIGINT;
      case REAL -> Types.REAL;
      case FLOAT -> Types.FLOAT;
      case DOUBLE -> Types.DOUBLE;
      case DECIMAL -> Types.DECIMAL;
      case CHAR -> Types.CHAR;
      case VARCHAR -> Types.VARCHAR;
      case BINARY -> Types.BINARY;
      case VARBINARY -> Types.VARBINARY;
      case DATE -> Types.DATE;
      case TIME -> Types.TIME;
      case TIMESTAMP -> Types.TIMESTAMP;
      case NULL -> Types.NULL;
      default -> Types.OTHER;
    };
  }

  /** Characters a value needs in its text form ({@code getColumnDisplaySize}). */
  public int displaySize() {
    return switch (sqlType) {
      case Types.DECIMAL -> columnSize + 2; // sign and point
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> columnSize + 1;
      case Types.REAL, Types.FLOAT, Types.DOUBLE -> 24;
      case Types.BOOLEAN -> 5;
      default -> columnSize;
    };
  }

  /** True for the numeric types, which are signed. */
  public boolean signed() {
    return radix != null;
  }

  private static JdbcType number(String name, int code, int digits) {
    return new JdbcType(name, code, digits, 0, 10, null, true);
  }

  private static JdbcType text(String name, int code, int length, int bytesPerUnit) {
    if (length < 0) {
      return new JdbcType(name, code, Integer.MAX_VALUE, null, null, Integer.MAX_VALUE, false);
    }
    long octets = (long) length * bytesPerUnit;
    return new JdbcType(
        name, code, length, null, null, (int) Math.min(octets, Integer.MAX_VALUE), true);
  }

  private static JdbcType temporal(String name, int code, int wholeSeconds, int fraction) {
    int digits = Math.max(0, fraction);
    int size = digits == 0 ? wholeSeconds : wholeSeconds + 1 + digits;
    return new JdbcType(name, code, size, digits, null, null, true);
  }
}
