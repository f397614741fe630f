package io.cesiumdb.tablet.storage;

import java.nio.charset.StandardCharsets;

/**
 * Reads back a key built by {@link KeyEncoder}. The caller knows the schema and reads the same
 * types in the same order; {@link #nextIsNull} tells a NULL apart before the typed read. Malformed
 * input throws {@link IllegalArgumentException}. Not thread-safe.
 */
public final class KeyDecoder {
  private final byte[] bytes;
  private int pos;

  private KeyDecoder(byte[] bytes) {
    this.bytes = bytes.clone();
  }

  /** Returns a decoder positioned at the start of {@code key}. */
  public static KeyDecoder of(byte[] key) {
    return new KeyDecoder(key);
  }

  /** Returns true if unread bytes remain. */
  public boolean hasRemaining() {
    return pos < bytes.length;
  }

  /** If the next value is NULL, consumes it and returns true; otherwise consumes nothing. */
  public boolean nextIsNull() {
    if (hasRemaining() && bytes[pos] == KeyEncoder.NULL_MARKER) {
      pos++;
      return true;
    }
    return false;
  }

  /** Reads a value written by {@link KeyEncoder#addLong}. */
  public long readLong() {
    expectValue();
    long v = OrderedBytes.readLong(bytes, pos);
    pos += Long.BYTES;
    return v;
  }

  /** Reads a value written by {@link KeyEncoder#addInt}. */
  public int readInt() {
    expectValue();
    int v = OrderedBytes.readInt(bytes, pos);
    pos += Integer.BYTES;
    return v;
  }

  /** Reads a value written by {@link KeyEncoder#addBoolean}. */
  public boolean readBoolean() {
    expectValue();
    if (!hasRemaining() || (bytes[pos] != 0 && bytes[pos] != 1)) {
      throw new IllegalArgumentException("bad boolean at offset " + pos);
    }
    return bytes[pos++] == 1;
  }

  /** Reads a value written by {@link KeyEncoder#addDouble}. */
  public double readDouble() {
    expectValue();
    long sortable = OrderedBytes.readRawLong(bytes, pos);
    pos += Long.BYTES;
    return KeyEncoder.fromSortableBits(sortable);
  }

  /** Reads a value written by {@link KeyEncoder#addBytes}. */
  public byte[] readBytes() {
    expectValue();
    OrderedBytes.Escaped e = OrderedBytes.readEscaped(bytes, pos);
    pos = e.end();
    return e.bytes();
  }

  /** Reads a value written by {@link KeyEncoder#addString}. */
  public String readString() {
    return new String(readBytes(), StandardCharsets.UTF_8);
  }

  private void expectValue() {
    if (!hasRemaining() || bytes[pos] != KeyEncoder.VALUE_MARKER) {
      throw new IllegalArgumentException("expected a non-null value at offset " + pos);
    }
    pos++;
  }
}
