package io.cesiumdb.tablet.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Tests of the primary-key column codecs {@link KeyEncoder} and {@link KeyDecoder}. */
class KeyEncoderTest {
  private static final long SEED = 7_700_417L;
  private static final int SAMPLES = 20_000;

  private static final Comparator<String> CODE_POINT_ORDER =
      (a, b) -> Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());

  /** Checks that encoding preserves {@code order} on random pairs and that decoding inverts it. */
  private static <T> void checkOrderAndRoundTrip(
      Supplier<T> values,
      Comparator<T> order,
      Function<T, byte[]> encode,
      Function<byte[], T> decode) {
    for (int i = 0; i < SAMPLES; i++) {
      T x = values.get();
      T y = values.get();
      String where = "seed=" + SEED + " i=" + i + " x=" + x + " y=" + y;
      assertEquals(
          Integer.signum(order.compare(x, y)),
          Integer.signum(Arrays.compareUnsigned(encode.apply(x), encode.apply(y))),
          where);
      assertEquals(0, order.compare(x, decode.apply(encode.apply(x))), where);
    }
  }

  @Test
  void longs() {
    SplittableRandom r = new SplittableRandom(SEED);
    List<Long> edges = List.of(Long.MIN_VALUE, -1L, 0L, 1L, Long.MAX_VALUE);
    checkOrderAndRoundTrip(
        () -> r.nextInt(4) == 0 ? edges.get(r.nextInt(edges.size())) : r.nextLong(),
        Long::compare,
        v -> KeyEncoder.create().addLong(v).toBytes(),
        k -> KeyDecoder.of(k).readLong());
  }

  @Test
  void ints() {
    SplittableRandom r = new SplittableRandom(SEED);
    checkOrderAndRoundTrip(
        () -> r.nextInt(4) == 0 ? r.nextInt(-2, 3) : r.nextInt(),
        Integer::compare,
        v -> KeyEncoder.create().addInt(v).toBytes(),
        k -> KeyDecoder.of(k).readInt());
  }

  @Test
  void doublesFollowDoubleCompare() {
    SplittableRandom r = new SplittableRandom(SEED);
    List<Double> edges =
        List.of(
            Double.NEGATIVE_INFINITY,
            -Double.MAX_VALUE,
            -1.5,
            -Double.MIN_VALUE,
            -0.0,
            0.0,
            Double.MIN_VALUE,
            2.25,
            Double.MAX_VALUE,
            Double.POSITIVE_INFINITY,
            Double.NaN);
    checkOrderAndRoundTrip(
        () -> {
          int kind = r.nextInt(3);
          return kind == 0
              ? edges.get(r.nextInt(edges.size()))
              : kind == 1 ? Double.longBitsToDouble(r.nextLong()) : (r.nextDouble() - 0.5) * 1e6;
        },
        Double::compare,
        v -> KeyEncoder.create().addDouble(v).toBytes(),
        k -> KeyDecoder.of(k).readDouble());
  }

  @Test
  void stringsSortByCodePointIncludingEmptyAndNul() {
    SplittableRandom r = new SplittableRandom(SEED);
    int[] pool = {0, 1, 'a', 'b', 0x7F, 0xE9, 0xFFFF, 0x1F600};
    checkOrderAndRoundTrip(
        () -> {
          StringBuilder s = new StringBuilder();
          for (int n = r.nextInt(5); n > 0; n--) {
            s.appendCodePoint(pool[r.nextInt(pool.length)]);
          }
          return s.toString();
        },
        CODE_POINT_ORDER,
        v -> KeyEncoder.create().addString(v).toBytes(),
        k -> KeyDecoder.of(k).readString());
  }

  @Test
  void bytesSortUnsigned() {
    SplittableRandom r = new SplittableRandom(SEED);
    checkOrderAndRoundTrip(
        () -> TestBytes.smallKey(r, 5),
        Arrays::compareUnsigned,
        v -> KeyEncoder.create().addBytes(v).toBytes(),
        k -> KeyDecoder.of(k).readBytes());
  }

  @Test
  void booleansAndNullsFirst() {
    byte[] nul = KeyEncoder.create().addNull().toBytes();
    byte[] no = KeyEncoder.create().addBoolean(false).toBytes();
    byte[] yes = KeyEncoder.create().addBoolean(true).toBytes();
    assertTrue(Arrays.compareUnsigned(nul, no) < 0);
    assertTrue(Arrays.compareUnsigned(no, yes) < 0);
    for (byte[] smallest :
        List.of(
            KeyEncoder.create().addLong(Long.MIN_VALUE).toBytes(),
            KeyEncoder.create().addString("").toBytes(),
            KeyEncoder.create().addDouble(Double.NEGATIVE_INFINITY).toBytes())) {
      assertTrue(Arrays.compareUnsigned(nul, smallest) < 0, "NULL sorts first");
    }
    assertTrue(KeyDecoder.of(yes).readBoolean());
    assertFalse(KeyDecoder.of(no).readBoolean());
  }

  /** A composite (long, nullable string, double) primary key. */
  private record Row(long id, String name, double score) {}

  private static final Comparator<Row> ROW_ORDER =
      Comparator.comparingLong(Row::id)
          .thenComparing(Row::name, Comparator.nullsFirst(CODE_POINT_ORDER))
          .thenComparingDouble(Row::score);

  private static byte[] encode(Row row) {
    KeyEncoder e = KeyEncoder.create().addLong(row.id());
    (row.name() == null ? e.addNull() : e.addString(row.name())).addDouble(row.score());
    return e.toBytes();
  }

  private static Row decode(byte[] key) {
    KeyDecoder d = KeyDecoder.of(key);
    Row row = new Row(d.readLong(), d.nextIsNull() ? null : d.readString(), d.readDouble());
    assertFalse(d.hasRemaining());
    return row;
  }

  @Test
  void compositeKeysCompareLikeTuples() {
    SplittableRandom r = new SplittableRandom(SEED);
    String[] names = {null, "", "\0", "a", "a\0", "ab", "b"};
    checkOrderAndRoundTrip(
        () -> new Row(r.nextLong(-2, 3), names[r.nextInt(names.length)], r.nextInt(-2, 3) * 0.5),
        ROW_ORDER,
        KeyEncoderTest::encode,
        KeyEncoderTest::decode);
  }

  @Test
  void malformedInputIsRejected() {
    byte[] nul = KeyEncoder.create().addNull().toBytes();
    assertThrows(IllegalArgumentException.class, () -> KeyDecoder.of(nul).readLong());
    byte[] truncated = Arrays.copyOf(KeyEncoder.create().addLong(5).toBytes(), 4);
    assertThrows(IllegalArgumentException.class, () -> KeyDecoder.of(truncated).readLong());
    byte[] unterminated = {KeyEncoder.VALUE_MARKER, 'a', 'b'};
    assertThrows(IllegalArgumentException.class, () -> KeyDecoder.of(unterminated).readString());
    assertThrows(IllegalArgumentException.class, () -> KeyDecoder.of(new byte[0]).readBoolean());
    assertArrayEquals(
        new byte[] {0x01, 0x00, 0x01}, KeyEncoder.create().addBytes(new byte[0]).toBytes());
  }
}
