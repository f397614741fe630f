package io.cesiumdb.tablet.storage;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Encodes and decodes keys of the {@code data} column family.
 *
 * <pre>
 *   data key = keyspace (8 bytes, big-endian, sign bit flipped)
 *            ‖ escape(userKey) ‖ 0x00 0x01       (0x00 in the key becomes 0x00 0xFF)
 *            ‖ ~ts (8 bytes, big-endian)         (bitwise NOT: newest version first)
 * </pre>
 *
 * <p>Under RocksDB's default bytewise comparator the keys sort by keyspace, then by user key
 * (unsigned lexicographic), then by commit timestamp <em>descending</em>, so a seek to {@code
 * encode(ks, key, ts)} lands on the newest version at or below {@code ts}. The layout and the
 * rejected alternatives are in docs/design/mvcc-encoding.md.
 *
 * <p>Invariants: timestamps are non-negative; keyspace {@link Long#MAX_VALUE} is reserved so that
 * every keyspace has an exclusive upper bound ({@link #rangeEnd}).
 */
public final class KeyCodec {
  /** Width of the keyspace prefix. */
  public static final int KEYSPACE_BYTES = Long.BYTES;

  /** Width of the timestamp suffix. */
  public static final int TS_BYTES = Long.BYTES;

  private static final byte[] EMPTY = new byte[0];

  private KeyCodec() {}

  /** Returns the data key of version {@code ts} of {@code userKey} in {@code keyspace}. */
  public static byte[] encode(long keyspace, byte[] userKey, long ts) {
    return withTs(keyPrefix(keyspace, userKey), ts);
  }

  /** Returns the bytes every version of {@code userKey} starts with (the key without its ts). */
  public static byte[] keyPrefix(long keyspace, byte[] userKey) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(userKey.length + 2 + KEYSPACE_BYTES);
    OrderedBytes.writeLong(out, checkKeyspace(keyspace));
    OrderedBytes.writeEscaped(out, userKey);
    return out.toByteArray();
  }

  /** Returns {@code keyPrefix} followed by the inverted timestamp. */
  static byte[] withTs(byte[] keyPrefix, long ts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(keyPrefix.length + TS_BYTES);
    out.writeBytes(keyPrefix);
    OrderedBytes.writeRawLong(out, ~checkTs(ts));
    return out.toByteArray();
  }

  /**
   * Returns the inclusive lower bound of the data keys of user keys {@code >= startKey}; a null
   * {@code startKey} means the start of the keyspace.
   */
  public static byte[] rangeStart(long keyspace, byte[] startKey) {
    return keyPrefix(keyspace, startKey == null ? EMPTY : startKey);
  }

  /**
   * Returns the exclusive upper bound of the data keys of user keys {@code < endKey}; a null {@code
   * endKey} means the end of the keyspace.
   */
  public static byte[] rangeEnd(long keyspace, byte[] endKey) {
    if (endKey != null) {
      return keyPrefix(keyspace, endKey);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(KEYSPACE_BYTES);
    OrderedBytes.writeLong(out, checkKeyspace(keyspace) + 1);
    return out.toByteArray();
  }

  /**
   * Returns the smallest data key after every version of the key that {@code dataKey} is a version
   * of: the key prefix with its terminator {@code 0x00 0x01} bumped to {@code 0x00 0x02}.
   */
  static byte[] afterAllVersions(byte[] dataKey) {
    byte[] next = Arrays.copyOf(dataKey, dataKey.length - TS_BYTES);
    next[next.length - 1]++;
    return next;
  }

  /** Returns the commit timestamp of a data key without decoding the user key. */
  public static long decodeTs(byte[] dataKey) {
    return ~OrderedBytes.readRawLong(dataKey, dataKey.length - TS_BYTES);
  }

  /** Decodes a data key; throws {@link IllegalArgumentException} if it is malformed. */
  public static MvccKey decode(byte[] dataKey) {
    long keyspace = OrderedBytes.readLong(dataKey, 0);
    OrderedBytes.Escaped user = OrderedBytes.readEscaped(dataKey, KEYSPACE_BYTES);
    if (user.end() != dataKey.length - TS_BYTES) {
      throw new IllegalArgumentException("data key has " + dataKey.length + " bytes, bad layout");
    }
    return new MvccKey(keyspace, user.bytes(), decodeTs(dataKey));
  }

  static long checkKeyspace(long keyspace) {
    if (keyspace == Long.MAX_VALUE) {
      throw new IllegalArgumentException("keyspace Long.MAX_VALUE is reserved");
    }
    return keyspace;
  }

  static long checkTs(long ts) {
    if (ts < 0) {
      throw new IllegalArgumentException("timestamp must be non-negative: " + ts);
    }
    return ts;
  }
}
