package io.cesiumdb.pd.meta;

import com.google.protobuf.ByteString;
import io.cesiumdb.proto.placement.TabletEntry;
import java.util.Comparator;

/** Key order of the directory: unsigned lexicographic bytes; an empty end key is unbounded. */
final class Keys {
  static final Comparator<ByteString> ORDER = ByteString.unsignedLexicographicalComparator();

  private Keys() {}

  /** True when {@code start <= key < end} (empty end = unbounded). */
  static boolean contains(TabletEntry tablet, ByteString key) {
    return ORDER.compare(tablet.getStartKey(), key) <= 0 && beforeEnd(key, tablet.getEndKey());
  }

  /** True when {@code start < key < end}: a legal split key of the tablet. */
  static boolean strictlyInside(TabletEntry tablet, ByteString key) {
    return ORDER.compare(tablet.getStartKey(), key) < 0 && beforeEnd(key, tablet.getEndKey());
  }

  private static boolean beforeEnd(ByteString key, ByteString end) {
    return end.isEmpty() || ORDER.compare(key, end) < 0;
  }
}
