package io.cesiumdb.tablet.replication;

import com.google.protobuf.ByteString;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import java.util.Arrays;

/**
 * The user-key range [start, end) of a tablet, read from its descriptor: an empty {@code end_key}
 * means "to the end of the keyspace". Keys compare as unsigned bytes, as the store orders them.
 */
public final class TabletRange {
  private TabletRange() {}

  /** The inclusive start key (empty = start of the keyspace). */
  public static byte[] start(TabletDescriptor d) {
    return d.getStartKey().toByteArray();
  }

  /** The exclusive end key, or null for the end of the keyspace (the store's convention). */
  public static byte[] end(TabletDescriptor d) {
    return d.getEndKey().isEmpty() ? null : d.getEndKey().toByteArray();
  }

  /** True if {@code key} lies in the tablet's range. */
  public static boolean contains(TabletDescriptor d, ByteString key) {
    byte[] k = key.toByteArray();
    return Arrays.compareUnsigned(k, start(d)) >= 0
        && (d.getEndKey().isEmpty() || Arrays.compareUnsigned(k, end(d)) < 0);
  }

  /** The larger of two start keys. */
  public static byte[] maxStart(byte[] a, byte[] b) {
    return Arrays.compareUnsigned(a, b) >= 0 ? a : b;
  }

  /** The smaller of two end keys, where null means unbounded. */
  public static byte[] minEnd(byte[] a, byte[] b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return Arrays.compareUnsigned(a, b) <= 0 ? a : b;
  }
}
