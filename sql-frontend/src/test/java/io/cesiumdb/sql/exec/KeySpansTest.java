package io.cesiumdb.sql.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.placement.ColumnType;
import io.cesiumdb.sql.codec.KeyCodec;
import io.cesiumdb.sql.exec.KeyInterval.Bound;
import io.cesiumdb.sql.types.ColumnDefs;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.junit.jupiter.api.Test;

/** A {@link KeyScan} evaluated against parameters: sorted, merged, NULL-aware spans. */
class KeySpansTest {
  private final KeyCodec codec =
      new KeyCodec(
          List.of(
              ColumnDefs.of("A", ColumnType.INTEGER, false),
              ColumnDefs.of("B", ColumnType.BIGINT, false)));

  @Test
  void pointsAreSortedAndDeduplicated() {
    KeyScan scan =
        new KeyScan(
            List.of(
                point(param(0), param(1)), point(param(0), param(2)), point(param(0), param(1))));
    List<KeySpans.Span> spans = KeySpans.resolve(scan, codec, ctx(7, 9L, 3L));
    assertEquals(2, spans.size());
    assertTrue(spans.get(0).point() && spans.get(1).point());
    assertEquals(key(7, 3L), spans.get(0).start());
    assertEquals(key(7, 9L), spans.get(1).start());
  }

  @Test
  void nullOperandMatchesNothingAndInvertedRangeIsDropped() {
    KeyScan scan =
        new KeyScan(
            List.of(
                point(param(0), param(1)),
                new KeyInterval(
                    List.of(new Operand.Constant(1)),
                    new Bound(param(2), true),
                    new Bound(param(3), true))));
    assertEquals(List.of(), KeySpans.resolve(scan, codec, ctx(null, 1L, 5L, 4L)));
  }

  @Test
  void overlappingRangesMergeAndSwallowPoints() {
    KeyScan scan =
        new KeyScan(
            List.of(
                range(1, 10L, 20L),
                range(1, 15L, 30L),
                point(new Operand.Constant(1), new Operand.Constant(25L)),
                range(2, 0L, 1L)));
    List<KeySpans.Span> spans = KeySpans.resolve(scan, codec, ctx());
    assertEquals(2, spans.size());
    assertFalse(spans.get(0).point());
    assertEquals(key(1, 10L), spans.get(0).start());
    assertTrue(spans.get(0).range().contains(key(1, 30L)), "upper bound inclusive");
    assertFalse(spans.get(0).range().contains(key(1, 31L)));
  }

  @Test
  void prefixWithoutBoundsIsThePrefixRange() {
    KeyScan scan = new KeyScan(List.of(new KeyInterval(List.of(param(0)), null, null)));
    KeySpans.Span s = KeySpans.resolve(scan, codec, ctx(4)).get(0);
    assertTrue(s.range().contains(key(4, Long.MIN_VALUE)));
    assertTrue(s.range().contains(key(4, Long.MAX_VALUE)));
    assertFalse(s.range().contains(key(5, Long.MIN_VALUE)));
  }

  @Test
  void parameterOfTheWrongKindIsADataException() {
    KeyScan scan = new KeyScan(List.of(point(param(0), param(1))));
    CesiumException e =
        assertThrows(CesiumException.class, () -> KeySpans.resolve(scan, codec, ctx(1, "x")));
    assertEquals(ErrorCode.DATA_EXCEPTION, e.code());
    assertEquals(1, KeySpans.resolve(scan, codec, ctx(1, 5)).size(), "Integer widens to BIGINT");
  }

  private KeyInterval range(int a, long from, long to) {
    return new KeyInterval(
        List.of(new Operand.Constant(a)),
        new Bound(new Operand.Constant(from), true),
        new Bound(new Operand.Constant(to), true));
  }

  private static KeyInterval point(Operand a, Operand b) {
    return KeyInterval.point(List.of(a, b));
  }

  private static Operand param(int i) {
    return new Operand.Param(i);
  }

  private ByteString key(int a, long b) {
    return ByteString.copyFrom(codec.encode(a, b));
  }

  private static ExecContext ctx(Object... params) {
    return new ExecContext(new JavaTypeFactoryImpl(), Map.of(), Arrays.asList(params), null, 0);
  }
}
