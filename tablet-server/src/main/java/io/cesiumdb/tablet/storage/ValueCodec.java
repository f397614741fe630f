package io.cesiumdb.tablet.storage;

import java.util.Arrays;

/**
 * Encodes the values of the {@code data} column family: a one-byte tag, then the payload.
 *
 * <pre>
 *   put       = 0x01 ‖ value bytes   (an empty value is a legal put)
 *   tombstone = 0x00                 (a delete at a commit timestamp)
 * </pre>
 *
 * <p>A tombstone is an ordinary version, not a RocksDB delete, so reads at older timestamps still
 * see the versions below it and a tablet export carries it. Other tags are reserved.
 */
final class ValueCodec {
  static final byte TOMBSTONE = 0x00;
  static final byte PUT = 0x01;

  private static final byte[] TOMBSTONE_VALUE = {TOMBSTONE};

  private ValueCodec() {}

  static byte[] put(byte[] value) {
    byte[] out = new byte[value.length + 1];
    out[0] = PUT;
    System.arraycopy(value, 0, out, 1, value.length);
    return out;
  }

  static byte[] tombstone() {
    return TOMBSTONE_VALUE.clone();
  }

  static boolean isTombstone(byte[] stored) {
    return tag(stored) == TOMBSTONE;
  }

  static byte[] payload(byte[] stored) {
    if (tag(stored) != PUT) {
      throw new StorageException("not a put value, tag " + stored[0]);
    }
    return Arrays.copyOfRange(stored, 1, stored.length);
  }

  private static byte tag(byte[] stored) {
    if (stored.length == 0 || (stored[0] != PUT && stored[0] != TOMBSTONE)) {
      throw new StorageException("corrupt data value of " + stored.length + " bytes");
    }
    return stored[0];
  }
}
