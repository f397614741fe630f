package io.cesiumdb.tablet.replication;

import com.google.protobuf.ByteString;
import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.common.error.RetryHint;
import io.cesiumdb.proto.tablet.TabletDescriptor;

/**
 * The TABLET_MOVED error (RTE-2): the caller's routing is stale, and the error carries the tablet's
 * current descriptor so the caller's cache can drop what it knew. Used for keys outside the range
 * at request time and for commands refused at apply after a split.
 */
public final class TabletMoves {
  private TabletMoves() {}

  /** TABLET_MOVED for {@code d}'s tablet, saying why. */
  public static CesiumException moved(TabletDescriptor d, String why) {
    String id = Long.toUnsignedString(d.getTabletId());
    return CesiumException.retry(
        ErrorCode.TABLET_MOVED,
        "tablet " + id + " [" + d.getEpoch() + "]: " + why,
        new RetryHint.TabletMoved(id, 0, d.getEpoch(), d.toByteArray()));
  }

  /** Throws TABLET_MOVED unless {@code key} lies in {@code d}'s range. */
  public static void requireInRange(TabletDescriptor d, ByteString key) {
    if (!TabletRange.contains(d, key)) {
      throw moved(d, "key outside the tablet's range");
    }
  }
}
