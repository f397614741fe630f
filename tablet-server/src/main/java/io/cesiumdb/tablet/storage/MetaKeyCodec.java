package io.cesiumdb.tablet.storage;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Encodes and decodes keys of the {@code meta} column family: per-tablet, unversioned entries such
 * as the Raft applied index and term.
 *
 * <pre>
 *   meta key = tabletId (8 bytes, big-endian, sign bit flipped) ‖ name (UTF-8, no terminator)
 * </pre>
 *
 * <p>The fixed-width tablet id groups all entries of a tablet into one contiguous range [{@link
 * #tabletStart}, {@link #tabletEnd}), which is what a tablet snapshot exports. Tablet id {@link
 * Long#MAX_VALUE} is reserved so that range always has an upper bound.
 */
public final class MetaKeyCodec {
  private MetaKeyCodec() {}

  /** Returns the meta key of entry {@code name} of tablet {@code tabletId}. */
  public static byte[] encode(long tabletId, String name) {
    if (name.isEmpty()) {
      throw new IllegalArgumentException("meta name must not be empty");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(tabletStart(tabletId));
    out.writeBytes(name.getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /** Returns the inclusive lower bound of the tablet's meta keys. */
  public static byte[] tabletStart(long tabletId) {
    return idBytes(checkTabletId(tabletId));
  }

  /** Returns the exclusive upper bound of the tablet's meta keys. */
  public static byte[] tabletEnd(long tabletId) {
    return idBytes(checkTabletId(tabletId) + 1);
  }

  private static byte[] idBytes(long id) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Long.BYTES);
    OrderedBytes.writeLong(out, id);
    return out.toByteArray();
  }

  /** Returns the tablet id of a meta key. */
  public static long decodeTabletId(byte[] metaKey) {
    return OrderedBytes.readLong(metaKey, 0);
  }

  /** Returns the entry name of a meta key. */
  public static String decodeName(byte[] metaKey) {
    return new String(
        Arrays.copyOfRange(metaKey, Long.BYTES, metaKey.length), StandardCharsets.UTF_8);
  }

  private static long checkTabletId(long tabletId) {
    if (tabletId == Long.MAX_VALUE) {
      throw new IllegalArgumentException("tablet id Long.MAX_VALUE is reserved");
    }
    return tabletId;
  }
}
