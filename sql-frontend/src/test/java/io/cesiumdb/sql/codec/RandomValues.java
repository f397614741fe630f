package io.cesiumdb.sql.codec;

import io.cesiumdb.proto.placement.ColumnDef;
import io.cesiumdb.proto.placement.ColumnType;
import io.cesiumdb.sql.types.ColumnDefs;
import io.cesiumdb.sql.types.EngineValues;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.calcite.avatica.util.ByteString;

/**
 * Seeded engine values for property tests, biased towards the edges that break encodings: extreme
 * and adjacent numbers, signed zeros and NaNs, zero bytes, prefixes, and characters at every
 * boundary of the string encoding (and beyond the BMP).
 */
final class RandomValues {
  /** One column of every type; DECIMAL twice (integral and fractional). */
  static final List<ColumnDef> COLUMNS =
      List.of(
          ColumnDefs.of("BI", ColumnType.BIGINT, false),
          ColumnDefs.of("IN", ColumnType.INTEGER, false),
          ColumnDefs.of("SM", ColumnType.SMALLINT, false),
          ColumnDefs.of("DO", ColumnType.DOUBLE, false),
          ColumnDefs.decimal("DE", 38, 0, false),
          ColumnDefs.decimal("DF", 20, 6, false),
          ColumnDefs.varchar("VC", 0, false),
          ColumnDefs.of("BO", ColumnType.BOOLEAN, false),
          ColumnDefs.of("DA", ColumnType.DATE, false),
          ColumnDefs.of("TS", ColumnType.TIMESTAMP, false),
          ColumnDefs.varbinary("VB", 0, false));

  private static final char[] CHARS = {
    'a', 'b', 'z', '\0', '\u0001', '\u007f', '\u0080', '\u00ff', '\u0100', '\u3fff', '\u4000',
    '\u4e2d', '\ud7ff', '\ue000', '\uffff', ' '
  };
  private static final double[] DOUBLES = {
    Double.NEGATIVE_INFINITY,
    -Double.MAX_VALUE,
    -1.0,
    -Double.MIN_VALUE,
    -0.0,
    0.0,
    Double.MIN_VALUE,
    1.0,
    Double.MAX_VALUE,
    Double.POSITIVE_INFINITY,
    Double.NaN,
    Double.longBitsToDouble(0xfff0000000000123L)
  };

  private final SplittableRandom rnd;
  private final boolean wellFormed;

  /** Strings may hold unpaired surrogates (keys must order them too). */
  RandomValues(long seed) {
    this(seed, false);
  }

  /** {@code wellFormed}: strings are valid Unicode, as {@code ValueCoercer} guarantees. */
  RandomValues(long seed, boolean wellFormed) {
    this.rnd = new SplittableRandom(seed);
    this.wellFormed = wellFormed;
  }

  SplittableRandom random() {
    return rnd;
  }

  Object value(ColumnDef c) {
    return switch (c.getType()) {
      case BIGINT -> integral(Long.MIN_VALUE, Long.MAX_VALUE);
      case INTEGER -> (int) integral(Integer.MIN_VALUE, Integer.MAX_VALUE);
      case SMALLINT -> (short) integral(Short.MIN_VALUE, Short.MAX_VALUE);
      case DOUBLE -> doubleValue();
      case DECIMAL -> decimal(c.getPrecision(), c.getScale());
      case VARCHAR -> string();
      case BOOLEAN -> rnd.nextBoolean();
      case DATE -> (int) integral(EngineValues.MIN_DATE, EngineValues.MAX_DATE);
      case TIMESTAMP -> integral(EngineValues.MIN_TIMESTAMP, EngineValues.MAX_TIMESTAMP);
      case VARBINARY -> bytes();
      default -> throw new IllegalArgumentException(c.getType().name());
    };
  }

  private long integral(long min, long max) {
    return switch (rnd.nextInt(6)) {
      case 0 -> new long[] {min, min + 1, -1, 0, 1, max - 1, max}[rnd.nextInt(7)];
      case 1 -> rnd.nextLong(-300, 300);
      default -> min == Long.MIN_VALUE ? rnd.nextLong() : rnd.nextLong(min, max + 1);
    };
  }

  private double doubleValue() {
    return switch (rnd.nextInt(4)) {
      case 0 -> DOUBLES[rnd.nextInt(DOUBLES.length)];
      case 1 -> Double.longBitsToDouble(rnd.nextLong());
      case 2 -> rnd.nextInt(-5, 6) / 4.0;
      default -> (rnd.nextDouble() - 0.5) * Math.pow(10, rnd.nextInt(-30, 30));
    };
  }

  BigDecimal decimal(int precision, int scale) {
    int digits = rnd.nextInt(precision + 1);
    if (rnd.nextInt(5) == 0) {
      digits = precision;
    }
    StringBuilder sb = new StringBuilder("0");
    for (int i = 0; i < digits; i++) {
      sb.append((char) ('0' + (rnd.nextInt(3) == 0 ? rnd.nextInt(10) : rnd.nextInt(2) * 9)));
    }
    BigInteger unscaled = new BigInteger(sb.toString());
    return new BigDecimal(rnd.nextBoolean() ? unscaled : unscaled.negate(), scale);
  }

  private String string() {
    int n = rnd.nextInt(7);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      switch (rnd.nextInt(8)) {
        case 0 -> sb.append(Character.toChars(rnd.nextInt(0x10000, 0x110000)));
        case 1 -> sb.append(bmpChar());
        default -> sb.append(CHARS[rnd.nextInt(CHARS.length)]);
      }
    }
    return sb.toString();
  }

  /** Any BMP char; when well-formed, never a surrogate. */
  private char bmpChar() {
    char c = (char) rnd.nextInt(0x10000);
    return wellFormed && Character.isSurrogate(c) ? 'q' : c;
  }

  private ByteString bytes() {
    byte[] b = new byte[rnd.nextInt(6)];
    for (int i = 0; i < b.length; i++) {
      b[i] =
          rnd.nextBoolean()
              ? new byte[] {0, 1, (byte) 0x80, (byte) 0xFF}[rnd.nextInt(4)]
              : (byte) rnd.nextInt();
    }
    return new ByteString(b);
  }
}
