package io.cesiumdb.sql.codec;

import io.cesiumdb.sql.types.ValueOrder;

/**
 * Order-preserving, self-delimiting encodings of single values: for two values of one type, the
 * unsigned lexicographic order of their encodings is their SQL order ({@link ValueOrder}), and no
 * encoding is a proper prefix of another of the same type, so a tuple is the concatenation of its
 * parts. Layouts (docs in the package):
 *
 * <pre>
 *   integers, DATE, TIMESTAMP  big-endian two's complement with the sign bit flipped (2/4/8 bytes)
 *   DOUBLE    IEEE bits; positives flip the sign bit, negatives flip every bit; -0.0 is written as
 *             0.0 and every NaN as the canonical NaN (8 bytes)
 *   BOOLEAN   0x00 false, 0x01 true
 *   VARCHAR   per UTF-16 code unit c: c = 0 → 00 FF; c &lt; 0x80 → c; c &lt; 0x4000 → 80|c&gt;&gt;8, c;
 *             else → C0, c&gt;&gt;8, c; then the terminator 00 01
 *   VARBINARY each byte, with 00 escaped as 00 FF; then the terminator 00 01
 * </pre>
 */
final class OrderedCodes {
  private static final int ESCAPE = 0x00;
  private static final int ESCAPED_ZERO = 0xFF;
  private static final int TERMINATOR = 0x01;

  private OrderedCodes() {}

  /** The low {@code bytes} bytes of {@code v}, sign bit flipped: signed order as unsigned order. */
  static void writeSigned(ByteWriter w, long v, int bytes) {
    w.writeBigEndian(v ^ (1L << (8 * bytes - 1)), bytes);
  }

  static long readSigned(ByteReader r, int bytes) {
    long raw = r.readBigEndian(bytes) ^ (1L << (8 * bytes - 1));
    int shift = 64 - 8 * bytes;
    return (raw << shift) >> shift;
  }

  static void writeDouble(ByteWriter w, double d) {
    long bits = Double.doubleToLongBits(ValueOrder.normalize(d));
    w.writeBigEndian(bits < 0 ? ~bits : bits ^ Long.MIN_VALUE, 8);
  }

  static double readDouble(ByteReader r) {
    long enc = r.readBigEndian(8);
    return Double.longBitsToDouble(enc < 0 ? enc ^ Long.MIN_VALUE : ~enc);
  }

  static void writeString(ByteWriter w, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == 0) {
        w.write(ESCAPE);
        w.write(ESCAPED_ZERO);
      } else if (c < 0x80) {
        w.write(c);
      } else if (c < 0x4000) {
        w.write(0x80 | (c >>> 8));
        w.write(c & 0xFF);
      } else {
        w.write(0xC0);
        w.write(c >>> 8);
        w.write(c & 0xFF);
      }
    }
    w.write(ESCAPE);
    w.write(TERMINATOR);
  }

  static String readString(ByteReader r) {
    StringBuilder sb = new StringBuilder();
    while (true) {
      int b = r.read();
      if (b == ESCAPE) {
        if (escapedZero(r)) {
          sb.append('\0');
          continue;
        }
        return sb.toString();
      } else if (b < 0x80) {
        sb.append((char) b);
      } else if (b < 0xC0) {
        sb.append((char) (((b & 0x3F) << 8) | r.read()));
      } else if (b == 0xC0) {
        sb.append((char) ((r.read() << 8) | r.read()));
      } else {
        throw r.corrupt("bad string byte " + b);
      }
    }
  }

  static void writeBytes(ByteWriter w, byte[] bytes) {
    for (byte b : bytes) {
      w.write(b);
      if (b == ESCAPE) {
        w.write(ESCAPED_ZERO);
      }
    }
    w.write(ESCAPE);
    w.write(TERMINATOR);
  }

  static byte[] readBytes(ByteReader r) {
    ByteWriter out = new ByteWriter(16);
    while (true) {
      int b = r.read();
      if (b != ESCAPE) {
        out.write(b);
      } else if (escapedZero(r)) {
        out.write(0);
      } else {
        return out.toByteArray();
      }
    }
  }

  /** After an escape byte: true for an escaped zero, false for the terminator. */
  private static boolean escapedZero(ByteReader r) {
    int next = r.read();
    if (next == ESCAPED_ZERO) {
      return true;
    }
    if (next != TERMINATOR) {
      throw r.corrupt("bad escape 00 " + Integer.toHexString(next));
    }
    return false;
  }
}
