package io.cesiumdb.sql.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Hand-picked cases and layouts of the single-value encodings, and decimals of mixed scales. */
class OrderedEncodingTest {

  @Test
  void integersFlipTheSignBit() {
    assertArrayEquals(hex("7fffffffffffffff"), encodeLong(-1));
    assertArrayEquals(hex("8000000000000000"), encodeLong(0));
    assertArrayEquals(hex("0000000000000000"), encodeLong(Long.MIN_VALUE));
    ByteWriter w = new ByteWriter(4);
    OrderedCodes.writeSigned(w, -2, 2);
    assertArrayEquals(hex("7ffe"), w.toByteArray());
    assertEquals(-2, OrderedCodes.readSigned(new ByteReader(w.toByteArray(), "t"), 2));
  }

  @Test
  void stringsWithZerosAndPrefixesSortAsJavaStrings() {
    List<String> sorted =
        List.of(
            "",
            "\0",
            "\0\0",
            "\0a",
            "a",
            "a\0",
            "a\0\0",
            "a\u0001",
            "ab",
            "b",
            "\u0080",
            "\u3fff",
            "\u4000",
            "\ud83d\ude00",
            "\ue000",
            "\uffff",
            "\uffff\0");
    for (int i = 1; i < sorted.size(); i++) {
      assertTrue(sorted.get(i - 1).compareTo(sorted.get(i)) < 0, "test data is sorted");
      assertTrue(
          Arrays.compareUnsigned(encode(sorted.get(i - 1)), encode(sorted.get(i))) < 0,
          sorted.get(i - 1) + " < " + sorted.get(i));
    }
    assertArrayEquals(hex("610001"), encode("a"), "ASCII stays readable");
    assertArrayEquals(hex("6100ff0001"), encode("a\0"));
    assertArrayEquals(hex("c0d83dc0de000001"), encode("\ud83d\ude00"), "UTF-16 units");
    assertEquals("\ud800x", OrderedCodes.readString(reader(encode("\ud800x"))), "lone surrogate");
  }

  @Test
  void bytesEscapeZero() {
    ByteWriter w = new ByteWriter(8);
    OrderedCodes.writeBytes(w, new byte[] {0, (byte) 0xFF, 1});
    assertArrayEquals(hex("00ffff010001"), w.toByteArray());
    assertArrayEquals(
        new byte[] {0, (byte) 0xFF, 1}, OrderedCodes.readBytes(reader(w.toByteArray())));
  }

  @Test
  void doublesOrderWithSignedZeroAndNaN() {
    double[] sorted = {
      Double.NEGATIVE_INFINITY,
      -1e300,
      -1,
      -Double.MIN_VALUE,
      0.0,
      Double.MIN_VALUE,
      1,
      1e300,
      Double.POSITIVE_INFINITY,
      Double.NaN
    };
    for (int i = 1; i < sorted.length; i++) {
      assertTrue(Arrays.compareUnsigned(encode(sorted[i - 1]), encode(sorted[i])) < 0, "" + i);
    }
    assertArrayEquals(encode(0.0), encode(-0.0), "-0.0 = 0.0");
    assertArrayEquals(encode(Double.NaN), encode(Double.longBitsToDouble(0xfff0000000000001L)));
  }

  @Test
  void equalDecimalsOfDifferentScalesEncodeTheSame() {
    assertArrayEquals(decimal("1.5"), decimal("1.50"));
    assertArrayEquals(decimal("100"), decimal("1E+2"));
    assertArrayEquals(decimal("0"), decimal("0.000"));
    assertArrayEquals(decimal("-0.0100"), decimal("-1E-2"));
    assertArrayEquals(hex("02"), decimal("-0.00"));
    // 0.15 × 10^1: tag, exponent 1, digit pair 15 (+1), terminator.
    assertArrayEquals(hex("03800000011000"), decimal("1.5"));
  }

  @Test
  void decimalsOfMixedScalesSortByValue() {
    SplittableRandom rnd = new SplittableRandom(11);
    List<BigDecimal> values = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      BigDecimal unscaled = BigDecimal.valueOf(rnd.nextLong(-1_000_000, 1_000_000));
      values.add(unscaled.scaleByPowerOfTen(-rnd.nextInt(-12, 25)));
    }
    values.addAll(List.of(new BigDecimal("9.99"), new BigDecimal("10"), new BigDecimal("10.0001")));
    Collections.shuffle(values, new java.util.Random(3));
    for (BigDecimal a : values) {
      for (BigDecimal b : values) {
        assertEquals(
            Integer.signum(a.compareTo(b)),
            Integer.signum(Arrays.compareUnsigned(decimal(a), decimal(b))),
            a + " vs " + b);
      }
      BigDecimal back = OrderedDecimal.read(reader(decimal(a)));
      assertEquals(0, a.compareTo(back), a.toString());
    }
  }

  @Test
  void malformedBytesAreStorageCorruption() {
    for (byte[] bad : List.of(hex("61"), hex("6100"), hex("610002"), hex("03800000"), hex("07"))) {
      CesiumException e =
          assertThrows(
              CesiumException.class,
              () -> {
                ByteReader r = reader(bad);
                if (bad[0] == 0x61) {
                  OrderedCodes.readString(r);
                } else {
                  OrderedDecimal.read(r);
                }
              });
      assertEquals(ErrorCode.STORAGE_CORRUPTION, e.code());
    }
  }

  static byte[] hex(String s) {
    return java.util.HexFormat.of().parseHex(s);
  }

  private static ByteReader reader(byte[] b) {
    return new ByteReader(b, "test");
  }

  private static byte[] encodeLong(long v) {
    ByteWriter w = new ByteWriter(8);
    OrderedCodes.writeSigned(w, v, 8);
    return w.toByteArray();
  }

  private static byte[] encode(String s) {
    ByteWriter w = new ByteWriter(8);
    OrderedCodes.writeString(w, s);
    return w.toByteArray();
  }

  private static byte[] encode(double d) {
    ByteWriter w = new ByteWriter(8);
    OrderedCodes.writeDouble(w, d);
    return w.toByteArray();
  }

  private static byte[] decimal(String s) {
    return decimal(new BigDecimal(s));
  }

  private static byte[] decimal(BigDecimal d) {
    ByteWriter w = new ByteWriter(8);
    OrderedDecimal.write(w, d);
    return w.toByteArray();
  }
}
