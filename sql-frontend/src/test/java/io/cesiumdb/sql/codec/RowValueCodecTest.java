package io.cesiumdb.sql.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.placement.ColumnDef;
import io.cesiumdb.proto.placement.ColumnType;
import io.cesiumdb.sql.types.ColumnDefs;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RowValueCodecTest {

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 9, 77})
  void randomRowsWithNullsRoundTrip(long seed) {
    RandomValues gen = new RandomValues(seed, true);
    for (int round = 0; round < 300; round++) {
      List<ColumnDef> columns = new ArrayList<>();
      int n = gen.random().nextInt(12);
      for (int i = 0; i < n; i++) {
        ColumnDef c = RandomValues.COLUMNS.get(gen.random().nextInt(RandomValues.COLUMNS.size()));
        columns.add(c.toBuilder().setName("C" + i).setNullable(true).build());
      }
      long version = gen.random().nextLong(1, Long.MAX_VALUE);
      RowValueCodec codec = new RowValueCodec(version, columns);
      Object[] row = new Object[n];
      for (int i = 0; i < n; i++) {
        row[i] = gen.random().nextInt(4) == 0 ? null : gen.value(columns.get(i));
      }
      byte[] bytes = codec.encode(row);
      assertEquals(version, RowValueCodec.schemaVersion(bytes), "seed " + seed);
      Object[] back = codec.decode(bytes);
      assertArrayEquals(stringsForNaN(row), stringsForNaN(back), "seed " + seed + " " + columns);
    }
  }

  @Test
  void layoutOfASmallRow() {
    RowValueCodec codec =
        new RowValueCodec(
            3,
            List.of(
                ColumnDefs.of("A", ColumnType.INTEGER, true),
                ColumnDefs.varchar("B", 0, true),
                ColumnDefs.decimal("C", 5, 2, true)));
    byte[] bytes = codec.encode(new Object[] {null, "hé", new BigDecimal("-1.50")});
    // format 1, version 3, 3 columns, bitmap 001, "hé" (3 UTF-8 bytes), scale 2 (zigzag 4), -150.
    assertArrayEquals(OrderedEncodingTest.hex("01030301" + "0368c3a9" + "0402ff6a"), bytes);
    assertEquals(new BigDecimal("-1.50"), codec.decode(bytes)[2]);
  }

  @Test
  void aTableWithOnlyKeyColumnsStillStoresAHeader() {
    RowValueCodec codec = new RowValueCodec(1, List.of());
    byte[] bytes = codec.encode(new Object[0]);
    assertArrayEquals(OrderedEncodingTest.hex("010100"), bytes);
    assertEquals(0, codec.decode(bytes).length);
  }

  @Test
  void aRowOfAnotherSchemaVersionIsNotMisread() {
    List<ColumnDef> cols = List.of(ColumnDefs.of("A", ColumnType.BIGINT, true));
    byte[] v1 = new RowValueCodec(1, cols).encode(new Object[] {5L});
    CesiumException e =
        assertThrows(CesiumException.class, () -> new RowValueCodec(2, cols).decode(v1));
    assertEquals(ErrorCode.INTERNAL, e.code());
    assertEquals(1, RowValueCodec.schemaVersion(v1), "the reader picks the codec by this");
  }

  @Test
  void damagedValuesAreStorageCorruption() {
    RowValueCodec codec =
        new RowValueCodec(
            1,
            List.of(ColumnDefs.of("A", ColumnType.BIGINT, true), ColumnDefs.varchar("B", 0, true)));
    byte[] good = codec.encode(new Object[] {1L, "xyz"});
    for (int cut = 0; cut < good.length; cut++) {
      byte[] truncated = Arrays.copyOf(good, cut);
      assertEquals(ErrorCode.STORAGE_CORRUPTION, code(() -> codec.decode(truncated)), "cut " + cut);
    }
    byte[] longer = Arrays.copyOf(good, good.length + 1);
    assertEquals(ErrorCode.STORAGE_CORRUPTION, code(() -> codec.decode(longer)));
    byte[] format = good.clone();
    format[0] = 9;
    assertEquals(ErrorCode.STORAGE_CORRUPTION, code(() -> codec.decode(format)));
    assertEquals(ErrorCode.INVALID_ARGUMENT, code(() -> codec.encode(new Object[] {1})));
    assertEquals(ErrorCode.INVALID_ARGUMENT, code(() -> codec.encode(new Object[] {1L, 2L})));
    assertEquals(
        ErrorCode.INVALID_ARGUMENT, code(() -> codec.encode(new Object[] {1L, "a\udc00"})));
  }

  /** Compares via strings so NaN payloads do not matter (they are kept, bit for bit, anyway). */
  private static Object[] stringsForNaN(Object[] row) {
    return Arrays.stream(row).map(v -> v instanceof Double ? v.toString() : v).toArray();
  }

  private static ErrorCode code(Runnable r) {
    return assertThrows(CesiumException.class, r::run).code();
  }
}
