package io.cesiumdb.sql.codec;

import static io.cesiumdb.sql.codec.OrderedEncodingTest.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.placement.ColumnType;
import io.cesiumdb.proto.placement.TableDef;
import io.cesiumdb.sql.types.ColumnDefs;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyRangeTest {
  private static final TableDef ORDERS =
      TableDef.newBuilder()
          .setName("ORDERS")
          .addColumns(ColumnDefs.varchar("NOTE", 0, true))
          .addColumns(ColumnDefs.varchar("REGION", 0, false))
          .addColumns(ColumnDefs.of("ID", ColumnType.BIGINT, false))
          .addPrimaryKey("REGION")
          .addPrimaryKey("ID")
          .build();

  @Test
  void prefixEndDropsTrailingFfAndIncrements() {
    assertArrayEquals(hex("0102"), KeyRange.prefixEnd(hex("0101")));
    assertArrayEquals(hex("02"), KeyRange.prefixEnd(hex("01ffff")));
    assertArrayEquals(new byte[0], KeyRange.prefixEnd(hex("ffff")), "no end: unbounded");
    assertArrayEquals(new byte[0], KeyRange.prefixEnd(new byte[0]));
    assertEquals(KeyRange.all(), KeyRange.prefix(new byte[0]));
  }

  @Test
  void prefixRangeOfACompositeKeyHoldsExactlyThatPrefix() {
    KeyCodec codec = KeyCodec.of(ORDERS);
    assertEquals(List.of("REGION", "ID"), codec.columns().stream().map(c -> c.getName()).toList());
    KeyRange eu = KeyRange.prefix(codec.encodePrefix(List.of("eu")));
    assertTrue(eu.contains(key(codec, "eu", Long.MIN_VALUE)));
    assertTrue(eu.contains(key(codec, "eu", Long.MAX_VALUE)));
    assertFalse(eu.contains(key(codec, "eu\0", 1L)), "a longer string is another prefix");
    assertFalse(eu.contains(key(codec, "e", 1L)));
    assertFalse(eu.contains(key(codec, "eua", 1L)));
    assertFalse(eu.isEmpty());
  }

  @Test
  void rangeOnTheSecondKeyColumn() {
    KeyCodec codec = KeyCodec.of(ORDERS);
    byte[] at10 = codec.encodePrefix(List.of("eu", 10L));
    KeyRange greater =
        KeyRange.of(
            KeyRange.prefixEnd(at10), KeyRange.prefixEnd(codec.encodePrefix(List.of("eu"))));
    assertFalse(greater.contains(key(codec, "eu", 10L)));
    assertTrue(greater.contains(key(codec, "eu", 11L)));
    assertFalse(greater.contains(key(codec, "us", 0L)));
    KeyRange below = KeyRange.of(codec.encodePrefix(List.of("eu")), at10);
    assertTrue(below.contains(key(codec, "eu", -5L)));
    assertFalse(below.contains(key(codec, "eu", 10L)));
    assertTrue(KeyRange.of(at10, at10).isEmpty());
  }

  @Test
  void encodeChecksArityAndClasses() {
    KeyCodec codec = KeyCodec.of(ORDERS);
    assertEquals(ErrorCode.INVALID_ARGUMENT, code(() -> codec.encode("eu")));
    assertEquals(
        ErrorCode.INVALID_ARGUMENT, code(() -> codec.encode("eu", 1)), "Integer for BIGINT");
    assertEquals(ErrorCode.INVALID_ARGUMENT, code(() -> codec.encode(null, 1L)));
    assertEquals(ErrorCode.INVALID_ARGUMENT, code(() -> codec.encodePrefix(List.of("a", 1L, 2L))));
    byte[] key = codec.encode("eu", 1L);
    assertEquals(
        ErrorCode.STORAGE_CORRUPTION,
        code(() -> codec.decode(java.util.Arrays.copyOf(key, key.length + 1))));
    assertEquals(
        ErrorCode.COLUMN_NOT_FOUND,
        code(() -> KeyCodec.of(ORDERS.toBuilder().addPrimaryKey("X").build())));
  }

  private static ByteString key(KeyCodec codec, Object... values) {
    return ByteString.copyFrom(codec.encode(values));
  }

  private static ErrorCode code(Runnable r) {
    return assertThrows(CesiumException.class, r::run).code();
  }
}
