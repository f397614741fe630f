package io.cesiumdb.sql.codec;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Order-preserving encoding of a DECIMAL of any scale: equal numbers ({@code 1.5}, {@code 1.50})
 * encode the same, so a column's order does not depend on how a value was written.
 *
 * <pre>
 *   zero      02
 *   positive  03, E, digit pairs, 00     value = 0.d1d2…dn × 10^E, d1 ≠ 0, dn ≠ 0
 *   negative  01, then the positive encoding of |value| with every byte complemented (FF ends it)
 * </pre>
 *
 * E is a 4-byte sign-flipped int (a larger exponent is a larger number, since 0.1 ≤ mantissa &lt;
 * 1). Digits go two to a byte as {@code 1 + pair} (1..100; an odd last digit is padded with 0), so
 * they never collide with the terminator, and a shorter mantissa that is a prefix of a longer one
 * sorts first. Complementing reverses all of it for negatives. Length: 6 + ⌈n/2⌉ bytes.
 */
final class OrderedDecimal {
  private static final int NEGATIVE = 0x01;
  private static final int ZERO = 0x02;
  private static final int POSITIVE = 0x03;

  private OrderedDecimal() {}

  static void write(ByteWriter w, BigDecimal v) {
    if (v.signum() == 0) {
      w.write(ZERO);
      return;
    }
    BigDecimal a = v.abs().stripTrailingZeros();
    String digits = a.unscaledValue().toString();
    int exponent = Math.subtractExact(digits.length(), a.scale());
    int flip = v.signum() < 0 ? 0xFF : 0x00;
    w.write(v.signum() < 0 ? NEGATIVE : POSITIVE);
    long e = exponent ^ Integer.MIN_VALUE;
    for (int i = 3; i >= 0; i--) {
      w.write((int) ((e >>> (8 * i)) & 0xFF) ^ flip);
    }
    for (int i = 0; i < digits.length(); i += 2) {
      int hi = digits.charAt(i) - '0';
      int lo = i + 1 < digits.length() ? digits.charAt(i + 1) - '0' : 0;
      w.write((1 + hi * 10 + lo) ^ flip);
    }
    w.write(flip);
  }

  /** The value with trailing zeros stripped (the caller sets the column's scale). */
  static BigDecimal read(ByteReader r) {
    int tag = r.read();
    if (tag == ZERO) {
      return BigDecimal.ZERO;
    }
    if (tag != NEGATIVE && tag != POSITIVE) {
      throw r.corrupt("bad decimal tag " + tag);
    }
    int flip = tag == NEGATIVE ? 0xFF : 0x00;
    long e = 0;
    for (int i = 0; i < 4; i++) {
      e = (e << 8) | (r.read() ^ flip);
    }
    int exponent = (int) e ^ Integer.MIN_VALUE;
    StringBuilder digits = new StringBuilder();
    for (int b = r.read() ^ flip; b != 0; b = r.read() ^ flip) {
      if (b > 100) {
        throw r.corrupt("bad decimal digit byte " + b);
      }
      digits.append((char) ('0' + (b - 1) / 10)).append((char) ('0' + (b - 1) % 10));
    }
    if (digits.length() == 0) {
      throw r.corrupt("decimal without digits");
    }
    BigDecimal m = new BigDecimal(new BigInteger(digits.toString()), digits.length() - exponent);
    return (tag == NEGATIVE ? m.negate() : m).stripTrailingZeros();
  }
}
