package io.cesiumdb.sql.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.placement.ColumnDef;
import io.cesiumdb.proto.placement.ColumnType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.apache.calcite.avatica.util.ByteString;
import org.junit.jupiter.api.Test;

class ValueCoercerTest {
  private static final ColumnDef BIGINT = ColumnDefs.of("B", ColumnType.BIGINT, false);
  private static final ColumnDef INT = ColumnDefs.of("I", ColumnType.INTEGER, true);
  private static final ColumnDef SMALL = ColumnDefs.of("S", ColumnType.SMALLINT, true);
  private static final ColumnDef DOUBLE = ColumnDefs.of("D", ColumnType.DOUBLE, true);
  private static final ColumnDef DEC = ColumnDefs.decimal("P", 5, 2, true);
  private static final ColumnDef NAME = ColumnDefs.varchar("N", 3, true);
  private static final ColumnDef BYTES = ColumnDefs.varbinary("V", 2, true);
  private static final ColumnDef DATE = ColumnDefs.of("DT", ColumnType.DATE, true);
  private static final ColumnDef TS = ColumnDefs.of("TS", ColumnType.TIMESTAMP, true);

  @Test
  void nullOnlyWhereNullable() {
    assertNull(ValueCoercer.coerce(INT, null));
    assertEquals(ErrorCode.NOT_NULL_VIOLATION, fail(BIGINT, null));
    assertEquals("23502", ErrorCode.NOT_NULL_VIOLATION.sqlState());
  }

  @Test
  void integersWidenNarrowAndRound() {
    assertEquals(7L, ValueCoercer.coerce(BIGINT, 7));
    assertEquals(7, ValueCoercer.coerce(INT, 7L));
    assertEquals((short) -7, ValueCoercer.coerce(SMALL, (byte) -7));
    assertEquals(3, ValueCoercer.coerce(INT, new BigDecimal("2.5")), "half up");
    assertEquals(-3, ValueCoercer.coerce(INT, new BigDecimal("-2.5")), "half up, away from 0");
    assertEquals(2L, ValueCoercer.coerce(BIGINT, 1.6d));
    assertEquals(Long.MAX_VALUE, ValueCoercer.coerce(BIGINT, BigInteger.valueOf(Long.MAX_VALUE)));
    assertEquals(ErrorCode.NUMERIC_OUT_OF_RANGE, fail(INT, 1L << 31));
    assertEquals(ErrorCode.NUMERIC_OUT_OF_RANGE, fail(SMALL, 32_768));
    assertEquals(
        ErrorCode.NUMERIC_OUT_OF_RANGE, fail(BIGINT, new BigDecimal("9223372036854775807.5")));
    assertEquals(ErrorCode.NUMERIC_OUT_OF_RANGE, fail(BIGINT, Double.NaN));
    assertEquals(ErrorCode.DATA_EXCEPTION, fail(INT, "12"));
    assertEquals(ErrorCode.DATA_EXCEPTION, fail(INT, true));
  }

  @Test
  void decimalsTakeTheColumnScaleAndCheckPrecision() {
    assertEquals(new BigDecimal("1.50"), ValueCoercer.coerce(DEC, new BigDecimal("1.5")));
    assertEquals(new BigDecimal("1.24"), ValueCoercer.coerce(DEC, new BigDecimal("1.235")));
    assertEquals(new BigDecimal("-1.24"), ValueCoercer.coerce(DEC, new BigDecimal("-1.235")));
    assertEquals(new BigDecimal("999.99"), ValueCoercer.coerce(DEC, new BigDecimal("999.994")));
    assertEquals(new BigDecimal("42.00"), ValueCoercer.coerce(DEC, 42));
    assertEquals(new BigDecimal("0.10"), ValueCoercer.coerce(DEC, 0.1d), "shortest double repr");
    assertEquals(ErrorCode.NUMERIC_OUT_OF_RANGE, fail(DEC, new BigDecimal("999.995")));
    assertEquals(ErrorCode.NUMERIC_OUT_OF_RANGE, fail(DEC, 1000));
    assertEquals(ErrorCode.NUMERIC_OUT_OF_RANGE, fail(DEC, Double.POSITIVE_INFINITY));
    assertEquals(ErrorCode.NUMERIC_OUT_OF_RANGE, fail(DEC, new BigDecimal("1E+999999999")));
    assertEquals(ErrorCode.NUMERIC_OUT_OF_RANGE, fail(BIGINT, new BigDecimal("1E+999999999")));
    assertEquals(new BigDecimal("0.00"), ValueCoercer.coerce(DEC, new BigDecimal("1E-999999999")));
    assertEquals(0, ValueCoercer.coerce(INT, new BigDecimal("-1E-999999999")));
    ColumnDef fraction = ColumnDefs.decimal("F", 2, 2, true);
    assertEquals(new BigDecimal("0.50"), ValueCoercer.coerce(fraction, new BigDecimal(".5")));
    assertEquals(ErrorCode.NUMERIC_OUT_OF_RANGE, fail(fraction, BigDecimal.ONE));
  }

  @Test
  void doublesAcceptNumbersAndSpecialValues() {
    assertEquals(2.0d, ValueCoercer.coerce(DOUBLE, 2L));
    assertEquals(0.25d, ValueCoercer.coerce(DOUBLE, new BigDecimal("0.25")));
    assertEquals(Double.NaN, ValueCoercer.coerce(DOUBLE, Double.NaN));
    assertEquals(ErrorCode.NUMERIC_OUT_OF_RANGE, fail(DOUBLE, BigDecimal.TEN.pow(400)));
  }

  @Test
  void varcharCountsCodePointsAndCutsOnlySpaces() {
    assertEquals("abc", ValueCoercer.coerce(NAME, "abc"));
    assertEquals("ab", ValueCoercer.coerce(NAME, "ab"));
    assertEquals("abc", ValueCoercer.coerce(NAME, "abc   "), "excess spaces are cut");
    String emoji = "\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00";
    assertEquals(emoji, ValueCoercer.coerce(NAME, emoji), "3 characters, 6 UTF-16 units");
    assertEquals(ErrorCode.DATA_EXCEPTION, fail(NAME, "abcd"));
    assertEquals(ErrorCode.DATA_EXCEPTION, fail(NAME, "abc \t"));
    assertEquals(ErrorCode.DATA_EXCEPTION, fail(NAME, "a\uD800"), "unpaired surrogate");
    assertEquals(ErrorCode.DATA_EXCEPTION, fail(NAME, 5));
    String longer = "x".repeat(10_000);
    assertEquals(longer, ValueCoercer.coerce(ColumnDefs.varchar("U", 0, true), longer));
  }

  @Test
  void varbinaryCountsBytes() {
    assertEquals(new ByteString(new byte[] {1, 2}), ValueCoercer.coerce(BYTES, new byte[] {1, 2}));
    ByteString one = new ByteString(new byte[] {0});
    assertEquals(one, ValueCoercer.coerce(BYTES, one));
    assertEquals(ErrorCode.DATA_EXCEPTION, fail(BYTES, new byte[3]));
    assertEquals(ErrorCode.DATA_EXCEPTION, fail(BYTES, "ab"));
  }

  @Test
  void datesAndTimestampsCheckRangeAndPrecision() {
    assertEquals(19_000, ValueCoercer.coerce(DATE, 19_000));
    assertEquals(
        EngineValues.toDays(LocalDate.of(2024, 1, 31)),
        ValueCoercer.coerce(DATE, LocalDate.of(2024, 1, 31)));
    assertEquals(ErrorCode.DATA_EXCEPTION, fail(DATE, EngineValues.MAX_DATE + 1));
    assertEquals(ErrorCode.DATA_EXCEPTION, fail(DATE, 5L));
    assertEquals(1_234L, ValueCoercer.coerce(TS, 1_234L));
    LocalDateTime t = LocalDateTime.of(2024, 1, 31, 12, 0, 1, 5_000_000);
    assertEquals(EngineValues.toMillis(t), ValueCoercer.coerce(TS, t));
    ColumnDef seconds = TS.toBuilder().setPrecision(0).build();
    assertEquals(1_000L, ValueCoercer.coerce(seconds, 1_999L));
    assertEquals(-2_000L, ValueCoercer.coerce(seconds, -1_001L), "toward the past");
    ColumnDef micros = TS.toBuilder().setPrecision(6).build();
    assertEquals(1_999L, ValueCoercer.coerce(micros, 1_999L), "finer than millis keeps millis");
    ColumnDef tenths = TS.toBuilder().setPrecision(1).build();
    assertEquals(1_900L, ValueCoercer.coerce(tenths, 1_999L));
    assertEquals(ErrorCode.DATA_EXCEPTION, fail(TS, EngineValues.MIN_TIMESTAMP - 1));
    assertEquals(ErrorCode.DATA_EXCEPTION, fail(TS, 5));
  }

  @Test
  void everyCoercedValueHasTheEngineClass() {
    Object[][] cases = {
      {BIGINT, 1},
      {INT, 1L},
      {SMALL, 1},
      {DOUBLE, 1},
      {DEC, 1},
      {NAME, "a"},
      {BYTES, new byte[1]},
      {DATE, LocalDate.EPOCH},
      {TS, LocalDateTime.of(2000, 1, 1, 0, 0)},
      {ColumnDefs.of("BO", ColumnType.BOOLEAN, true), true}
    };
    for (Object[] c : cases) {
      ColumnDef column = (ColumnDef) c[0];
      Object v = ValueCoercer.coerce(column, c[1]);
      assertEquals(EngineValues.javaClass(column.getType()), v.getClass(), column.getName());
    }
    assertArrayEquals(
        new byte[] {1}, ((ByteString) ValueCoercer.coerce(BYTES, new byte[] {1})).getBytes());
  }

  private static ErrorCode fail(ColumnDef column, Object value) {
    return assertThrows(CesiumException.class, () -> ValueCoercer.coerce(column, value)).code();
  }
}
