package io.cesiumdb.tablet.replication;

import java.util.OptionalLong;
import java.util.UUID;
import org.apache.ratis.protocol.RaftGroupId;

/**
 * Maps tablet ids to Raft group ids and back, so a restarted node can tell which tablet each
 * recovered group directory ({@code raft/<group uuid>/}) belongs to.
 *
 * <p>The group UUID is {@code (TAG, tabletId)}: a constant most significant half ({@code
 * 0x4365_7369_756d_5462}, ASCII "CesiumTb") and the tablet id as the least significant half. The
 * directory of tablet 7 is therefore {@code 43657369-756d-5462-0000-000000000007}. This is part of
 * the on-disk format.
 */
public final class TabletGroupIds {
  private static final long TAG = 0x4365_7369_756d_5462L;

  private TabletGroupIds() {}

  /** Returns the Raft group of tablet {@code tabletId}. */
  public static RaftGroupId groupId(long tabletId) {
    return RaftGroupId.valueOf(new UUID(TAG, tabletId));
  }

  /** Returns the tablet of a group, or empty if the group is not a tablet group. */
  public static OptionalLong tabletId(RaftGroupId groupId) {
    UUID uuid = groupId.getUuid();
    return uuid.getMostSignificantBits() == TAG
        ? OptionalLong.of(uuid.getLeastSignificantBits())
        : OptionalLong.empty();
  }
}
