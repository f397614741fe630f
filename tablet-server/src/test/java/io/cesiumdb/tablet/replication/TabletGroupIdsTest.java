package io.cesiumdb.tablet.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.apache.ratis.protocol.RaftGroupId;
import org.junit.jupiter.api.Test;

class TabletGroupIdsTest {
  @Test
  void groupIdsMapBackToTheirTablets() {
    for (long id : new long[] {0, 1, 7, 123_456_789L, Long.MAX_VALUE - 1, -1}) {
      assertEquals(OptionalLong.of(id), TabletGroupIds.tabletId(TabletGroupIds.groupId(id)));
    }
  }

  @Test
  void theDirectoryNameIsPinned() {
    assertEquals(
        "43657369-756d-5462-0000-000000000007",
        TabletGroupIds.groupId(7).getUuid().toString(),
        "on-disk format: raft/<group uuid>/");
  }

  @Test
  void foreignGroupsAreNotTablets() {
    assertTrue(TabletGroupIds.tabletId(RaftGroupId.randomId()).isEmpty());
  }
}
