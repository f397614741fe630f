package io.cesiumdb.tablet.storage;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds an order-preserving user key from primary-key column values, for the SQL layer.
 *
 * <p>Every value starts with a presence marker ({@code 0x00} NULL, {@code 0x01} value), so NULL
 * sorts before every value of its column. The value itself is then:
 *
 * <ul>
 *   <li>long / int: big-endian with the sign bit flipped (8 / 4 bytes);
 *   <li>boolean: {@code 0x00} false, {@code 0x01} true;
 *   <li>double: IEEE-754 bits, sign bit flipped for positives and all bits inverted for negatives
 *       (the order of {@link Double#compare}: -0.0 before 0.0, NaN last);
 *   <li>bytes / string (UTF-8): escaped and terminated as in {@link KeyCodec}; strings therefore
 *       sort by Unicode code point, which differs from {@link String#compareTo} (UTF-16 units) for
 *       supplementary characters.
 * </ul>
 *
 * <p>Each encoding is fixed width or self-terminating, so a composite key is the concatenation of
 * its columns and compares like the tuple. Decode with {@link KeyDecoder}, reading the same types
 * in the same order. Descending columns are not supported yet. Not thread-safe.
 */
public final class KeyEncoder {
  static final int NULL_MARKER = 0x00;
  static final int VALUE_MARKER = 0x01;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private KeyEncoder() {}

  /** Returns an empty encoder. */
  public static KeyEncoder create() {
    return new KeyEncoder();
  }

  /** Appends a NULL, which sorts before every non-null value. */
  public KeyEncoder addNull() {
    out.write(NULL_MARKER);
    return this;
  }

  /** Appends a signed 64-bit integer. */
  public KeyEncoder addLong(long v) {
    out.write(VALUE_MARKER);
    OrderedBytes.writeLong(out, v);
    return this;
  }

  /** Appends a signed 32-bit integer. */
  public KeyEncoder addInt(int v) {
    out.write(VALUE_MARKER);
    OrderedBytes.writeInt(out, v);
    return this;
  }

  /** Appends a boolean; false sorts first. */
  public KeyEncoder addBoolean(boolean v) {
    out.write(VALUE_MARKER);
    out.write(v ? 1 : 0);
    return this;
  }

  /** Appends a double in {@link Double#compare} order; all NaNs encode alike. */
  public KeyEncoder addDouble(double v) {
    out.write(VALUE_MARKER);
    OrderedBytes.writeRawLong(out, sortableBits(v));
    return this;
  }

  /** Appends a byte string in unsigned lexicographic order. */
  public KeyEncoder addBytes(byte[] v) {
    out.write(VALUE_MARKER);
    OrderedBytes.writeEscaped(out, v);
    return this;
  }

  /** Appends a string as UTF-8, in code point order. */
  public KeyEncoder addString(String v) {
    return addBytes(v.getBytes(StandardCharsets.UTF_8));
  }

  /** Returns the key built so far. */
  public byte[] toBytes() {
    return out.toByteArray();
  }

  /** Maps a double to a long whose unsigned order is the double's {@link Double#compare} order. */
  static long sortableBits(double v) {
    long bits = Double.doubleToLongBits(v);
    return bits < 0 ? ~bits : bits ^ Long.MIN_VALUE;
  }

  /** Inverse of {@link #sortableBits}. */
  static double fromSortableBits(long sortable) {
    long bits = sortable < 0 ? sortable ^ Long.MIN_VALUE : ~sortable;
    return Double.longBitsToDouble(bits);
  }
}
