package io.cesiumdb.sql.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.proto.placement.ColumnType;
import io.cesiumdb.proto.placement.TableDef;
import io.cesiumdb.sql.types.ColumnDefs;
import java.math.BigDecimal;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TableRowCodecTest {
  /** Key columns in the middle and at the end, declared in another order than the key. */
  private static final TableDef TABLE =
      TableDef.newBuilder()
          .setTableId(7)
          .setSchemaVersion(4)
          .setName("T")
          .addColumns(ColumnDefs.varchar("NOTE", 0, true))
          .addColumns(ColumnDefs.of("ID", ColumnType.BIGINT, false))
          .addColumns(ColumnDefs.decimal("PRICE", 10, 2, true))
          .addColumns(ColumnDefs.of("DAY", ColumnType.DATE, false))
          .addPrimaryKey("DAY")
          .addPrimaryKey("ID")
          .build();

  @Test
  void rowSplitsIntoKeyAndValueAndComesBack() {
    TableRowCodec codec = TableRowCodec.of(TABLE);
    assertArrayEquals(new int[] {3, 1}, codec.keyColumnIndexes());
    Object[] row = {"hi", 42L, new BigDecimal("9.99"), 19_000};
    byte[] key = codec.encodeKey(row);
    byte[] value = codec.encodeValue(row);
    assertArrayEquals(codec.keyCodec().encode(19_000, 42L), key);
    assertEquals(4, RowValueCodec.schemaVersion(value));
    assertArrayEquals(row, codec.decode(key, value));
    Object[] nulls = {null, 1L, null, 0};
    assertArrayEquals(nulls, codec.decode(codec.encodeKey(nulls), codec.encodeValue(nulls)));
  }

  @Test
  void keysSortByDayThenId() {
    TableRowCodec codec = TableRowCodec.of(TABLE);
    byte[] a = codec.encodeKey(new Object[] {null, 99L, null, 1});
    byte[] b = codec.encodeKey(new Object[] {null, -5L, null, 2});
    byte[] c = codec.encodeKey(new Object[] {null, 0L, null, 2});
    assertTrue(Arrays.compareUnsigned(a, b) < 0);
    assertTrue(Arrays.compareUnsigned(b, c) < 0);
  }
}
