package io.cesiumdb.pd.meta;

import static io.cesiumdb.pd.meta.MetaCommands.heartbeat;
import static io.cesiumdb.pd.meta.MetaCommands.key;
import static io.cesiumdb.pd.meta.MetaCommands.ok;
import static io.cesiumdb.pd.meta.MetaCommands.table;
import static io.cesiumdb.pd.meta.MetaCommands.tableDef;
import static io.cesiumdb.pd.meta.MetaCommands.updateLeader;
import static io.cesiumdb.pd.meta.MetaCommands.withNodes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.ByteString;
import io.cesiumdb.proto.placement.TabletEntry;
import io.cesiumdb.proto.placement.TabletReport;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A heartbeat adopts a split the PD did not commit. Table 1: tablet 1 ["", "m") and tablet 2 ["m",
 * "") on n1*, n2, n3.
 */
class SplitAdoptionTest {
  private MetaState state;

  @BeforeEach
  void setUp() {
    state = withNodes(4);
    List<String> replicas = List.of("n1", "n2", "n3");
    ok(state, table(tableDef("app", "t"), List.of(key("m")), List.of(replicas, replicas)));
    ok(state, updateLeader(2, "n1"));
  }

  private TabletReport piece(long id, String start, String end, boolean leader) {
    TabletDescriptor d =
        state.descriptor(state.tablet(2).orElseThrow()).toBuilder()
            .setTabletId(id)
            .setStartKey(key(start))
            .setEndKey(key(end))
            .build();
    return TabletReport.newBuilder()
        .setTabletId(id)
        .setIsLeader(leader)
        .setApproximateSizeBytes(7)
        .setTablet(d)
        .build();
  }

  @Test
  void aLeaderReportingAnUnknownRightPieceSplitsTheParent() {
    ok(state, heartbeat("n1", 10, piece(9, "s", "", true)));

    List<TabletEntry> tablets = state.tablets(1);
    assertEquals(List.of(1L, 2L, 9L), tablets.stream().map(TabletEntry::getTabletId).toList());
    TabletEntry left = state.tablet(2).orElseThrow();
    TabletEntry right = state.tablet(9).orElseThrow();
    assertEquals(key("s"), left.getEndKey());
    assertEquals(key("s"), right.getStartKey());
    assertEquals(2, right.getEpoch());
    assertEquals("n1", right.getLeaderHint());
    assertEquals(7, right.getApproximateSizeBytes());
    MetaCommands.assertCovers(tablets);
  }

  @Test
  void reportsThatDoNotFitAreIgnored() {
    TabletEntry before = state.tablet(2).orElseThrow();
    ok(state, heartbeat("n1", 0, piece(9, "s", "", false))); // not the leader
    ok(state, heartbeat("n1", 0, piece(9, "c", "f", true))); // does not end at the parent's end
    ok(state, heartbeat("n1", 0, piece(9, "m", "", true))); // not strictly inside
    ok(state, heartbeat("n4", 0, piece(9, "s", "", true))); // n4 holds no replica
    ok(state, heartbeat("n1", 0, piece(1, "c", "m", true))); // a known id

    assertEquals(List.of(1L, 2L), state.tablets(1).stream().map(TabletEntry::getTabletId).toList());
    TabletEntry after = state.tablet(2).orElseThrow();
    assertEquals(before.getEndKey(), after.getEndKey());
    assertEquals(before.getEpoch(), after.getEpoch());
    assertEquals(3, state.snapshot().getNextTabletId());
  }

  @Test
  void anAdoptedSplitIsTheSameAsACommittedOne() {
    MetaState committed = MetaState.fromSnapshot(state.toSnapshot());
    ok(committed, MetaCommands.split(2, 1, key("s")));

    ok(state, heartbeat("n1", 0, piece(3, "s", "", false)));
    assertEquals(2, state.tablets(1).size());
    ok(state, heartbeat("n1", 0, piece(3, "s", "", true)));

    ByteString a =
        ByteString.copyFrom(
            committed.tablet(3).orElseThrow().toBuilder()
                .setLeaderHint("n1")
                .setApproximateSizeBytes(7)
                .build()
                .toByteArray());
    assertEquals(a, state.tablet(3).orElseThrow().toByteString());
  }
}
