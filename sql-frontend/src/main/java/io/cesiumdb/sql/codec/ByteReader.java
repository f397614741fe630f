package io.cesiumdb.sql.codec;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;

/**
 * A cursor over stored bytes. Running off the end, or any malformed field, is {@code
 * STORAGE_CORRUPTION}: keys and values only ever come from our encoders.
 */
final class ByteReader {
  private final byte[] buf;
  private final String what;
  private int pos;

  ByteReader(byte[] buf, String what) {
    this.buf = buf;
    this.what = what;
  }

  int read() {
    if (pos >= buf.length) {
      throw corrupt("truncated");
    }
    return buf[pos++] & 0xFF;
  }

  byte[] read(int n) {
    if (n < 0 || n > buf.length - pos) {
      throw corrupt("truncated");
    }
    byte[] out = new byte[n];
    System.arraycopy(buf, pos, out, 0, n);
    pos += n;
    return out;
  }

  long readBigEndian(int n) {
    long v = 0;
    for (int i = 0; i < n; i++) {
      v = (v << 8) | read();
    }
    return v;
  }

  long readVarint() {
    long v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      int b = read();
      v |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return v;
      }
    }
    throw corrupt("varint longer than 10 bytes");
  }

  /** A varint that must fit a non-negative int (a length or a count). */
  int readLength() {
    long v = readVarint();
    if (v < 0 || v > Integer.MAX_VALUE) {
      throw corrupt("length " + v);
    }
    return (int) v;
  }

  boolean atEnd() {
    return pos == buf.length;
  }

  void expectEnd() {
    if (!atEnd()) {
      throw corrupt((buf.length - pos) + " trailing bytes");
    }
  }

  CesiumException corrupt(String why) {
    return new CesiumException(
        ErrorCode.STORAGE_CORRUPTION, "malformed " + what + " at byte " + pos + ": " + why);
  }
}
