package io.cesiumdb.txn.routing;

import com.google.protobuf.ByteString;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import java.util.Comparator;

/**
 * Key-range arithmetic on tablet descriptors, in the store's order: unsigned lexicographic bytes. A
 * tablet holds {@code [start_key, end_key)}; an empty end key means unbounded. An empty scan end is
 * unbounded too. Pure functions; the one place this module compares keys.
 */
public final class KeyRanges {
  /** Unsigned byte order, as the MVCC store sorts keys. */
  public static final Comparator<ByteString> ORDER = ByteString.unsignedLexicographicalComparator();

  private KeyRanges() {}

  /** True if {@code key} lies in {@code d}'s range. */
  public static boolean contains(TabletDescriptor d, ByteString key) {
    return ORDER.compare(d.getStartKey(), key) <= 0 && beforeEnd(key, d.getEndKey());
  }

  /** True if {@code key} is below {@code end} (an empty end is unbounded). */
  public static boolean beforeEnd(ByteString key, ByteString end) {
    return end.isEmpty() || ORDER.compare(key, end) < 0;
  }

  /** True if the two tablets' ranges share at least one key. */
  public static boolean overlap(TabletDescriptor a, TabletDescriptor b) {
    return beforeEnd(b.getStartKey(), a.getEndKey()) && beforeEnd(a.getStartKey(), b.getEndKey());
  }

  /** The lower of two range ends, where empty means unbounded. */
  public static ByteString minEnd(ByteString a, ByteString b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    return ORDER.compare(a, b) <= 0 ? a : b;
  }

  /** The higher of two keys. */
  public static ByteString max(ByteString a, ByteString b) {
    return ORDER.compare(a, b) >= 0 ? a : b;
  }

  /** The smallest key strictly above {@code key}: {@code key} followed by a zero byte. */
  public static ByteString successor(ByteString key) {
    return key.concat(ByteString.copyFrom(new byte[] {0}));
  }
}
