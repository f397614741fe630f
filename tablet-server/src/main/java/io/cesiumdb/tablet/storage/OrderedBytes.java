package io.cesiumdb.tablet.storage;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Byte-level building blocks of every order-preserving encoding in this package, shared by {@link
 * KeyCodec}, {@link MetaKeyCodec}, {@link KeyEncoder} and {@link KeyDecoder}.
 *
 * <p>Each primitive maps its domain to byte strings whose unsigned lexicographic order equals the
 * domain's order, and is either fixed width or self-terminating, so concatenations compare like
 * tuples. See docs/design/mvcc-encoding.md.
 */
final class OrderedBytes {
  /** Escape byte; inside an escaped string it is always followed by {@link #ESCAPED_ZERO}. */
  static final int ESCAPE = 0x00;

  /** Second byte of an escaped {@code 0x00}: {@code 0x00 0xFF}. */
  static final int ESCAPED_ZERO = 0xFF;

  /** Second byte of the terminator {@code 0x00 0x01} that ends an escaped string. */
  static final int TERMINATOR = 0x01;

  private OrderedBytes() {}

  /** Appends {@code v} as 8 big-endian bytes with the sign bit flipped (signed order). */
  static void writeLong(ByteArrayOutputStream out, long v) {
    writeRawLong(out, v ^ Long.MIN_VALUE);
  }

  /** Appends {@code v} as 8 big-endian bytes, unchanged (unsigned order). */
  static void writeRawLong(ByteArrayOutputStream out, long v) {
    for (int shift = 56; shift >= 0; shift -= 8) {
      out.write((int) (v >>> shift));
    }
  }

  /** Appends {@code v} as 4 big-endian bytes with the sign bit flipped (signed order). */
  static void writeInt(ByteArrayOutputStream out, int v) {
    int flipped = v ^ Integer.MIN_VALUE;
    for (int shift = 24; shift >= 0; shift -= 8) {
      out.write(flipped >>> shift);
    }
  }

  /** Reads a long written by {@link #writeLong}. */
  static long readLong(byte[] b, int off) {
    return readRawLong(b, off) ^ Long.MIN_VALUE;
  }

  /** Reads a long written by {@link #writeRawLong}. */
  static long readRawLong(byte[] b, int off) {
    require(b, off, Long.BYTES);
    long v = 0;
    for (int i = 0; i < Long.BYTES; i++) {
      v = (v << 8) | (b[off + i] & 0xFF);
    }
    return v;
  }

  /** Reads an int written by {@link #writeInt}. */
  static int readInt(byte[] b, int off) {
    require(b, off, Integer.BYTES);
    int v = 0;
    for (int i = 0; i < Integer.BYTES; i++) {
      v = (v << 8) | (b[off + i] & 0xFF);
    }
    return v ^ Integer.MIN_VALUE;
  }

  /**
   * Appends {@code bytes} escaped ({@code 0x00 -> 0x00 0xFF}) and terminated by {@code 0x00 0x01}.
   * The result is prefix-free and preserves unsigned lexicographic order.
   */
  static void writeEscaped(ByteArrayOutputStream out, byte[] bytes) {
    for (byte b : bytes) {
      out.write(b);
      if (b == ESCAPE) {
        out.write(ESCAPED_ZERO);
      }
    }
    out.write(ESCAPE);
    out.write(TERMINATOR);
  }

  /** An unescaped string and the offset just past its terminator. */
  record Escaped(byte[] bytes, int end) {}

  /** Reads a string written by {@link #writeEscaped} starting at {@code off}. */
  static Escaped readEscaped(byte[] b, int off) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = off;
    while (i < b.length) {
      if (b[i] != ESCAPE) {
        out.write(b[i++]);
        continue;
      }
      require(b, i, 2);
      int next = b[i + 1] & 0xFF;
      if (next == TERMINATOR) {
        return new Escaped(out.toByteArray(), i + 2);
      }
      if (next != ESCAPED_ZERO) {
        throw new IllegalArgumentException("bad escape 0x00 0x" + Integer.toHexString(next));
      }
      out.write(0);
      i += 2;
    }
    throw new IllegalArgumentException("unterminated escaped string at offset " + off);
  }

  /**
   * Returns the smallest byte string greater than every string starting with {@code prefix}, or
   * null if there is none (the prefix is empty or all {@code 0xFF}).
   */
  static byte[] prefixEnd(byte[] prefix) {
    for (int i = prefix.length - 1; i >= 0; i--) {
      if (prefix[i] != (byte) 0xFF) {
        byte[] end = Arrays.copyOf(prefix, i + 1);
        end[i]++;
        return end;
      }
    }
    return null;
  }

  private static void require(byte[] b, int off, int n) {
    if (off < 0 || b.length - off < n) {
      throw new IllegalArgumentException(
          "truncated key: need " + n + " bytes at offset " + off + " of " + b.length);
    }
  }
}
