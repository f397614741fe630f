package io.cesiumdb.pd.meta;

import static io.cesiumdb.pd.meta.MetaCommands.assertCovers;
import static io.cesiumdb.pd.meta.MetaCommands.fails;
import static io.cesiumdb.pd.meta.MetaCommands.key;
import static io.cesiumdb.pd.meta.MetaCommands.ok;
import static io.cesiumdb.pd.meta.MetaCommands.split;
import static io.cesiumdb.pd.meta.MetaCommands.table;
import static io.cesiumdb.pd.meta.MetaCommands.tableDef;
import static io.cesiumdb.pd.meta.MetaCommands.updateLeader;
import static io.cesiumdb.pd.meta.MetaCommands.updateReplicas;
import static io.cesiumdb.pd.meta.MetaCommands.withNodes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.common.error.RetryHint;
import io.cesiumdb.proto.placement.TabletEntry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TabletDirectoryTest {

  /** Split points "b", "c", … "i": 8 points, 9 tablets. */
  private static final List<ByteString> EIGHT =
      IntStream.range(0, 8).mapToObj(i -> key(String.valueOf((char) ('b' + i)))).toList();

  private static MetaState nineTablets() {
    MetaState state = withNodes(5);
    ok(state, table(state, 0, tableDef("app", "t"), EIGHT));
    return state;
  }

  @Test
  void eightSplitPointsGiveNineContiguousBalancedTablets() {
    MetaState state = nineTablets();

    List<TabletEntry> tablets = state.tablets(1);

    assertEquals(9, tablets.size());
    assertCovers(tablets);
    assertEquals(
        List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L),
        tablets.stream().map(TabletEntry::getTabletId).toList());
    Map<String, Integer> perNode = new HashMap<>();
    for (TabletEntry t : tablets) {
      assertEquals(3, t.getReplicasList().stream().distinct().count());
      t.getReplicasList().forEach(n -> perNode.merge(n, 1, Integer::sum));
    }
    int spread =
        perNode.values().stream().max(Integer::compare).orElseThrow()
            - perNode.values().stream().min(Integer::compare).orElseThrow();
    assertTrue(spread <= 1, "tablets per node " + perNode);
  }

  @Test
  void lookupsHitTheRightTabletAtBoundaries() {
    MetaState state = nineTablets();

    assertEquals(1, state.tabletFor(1, ByteString.EMPTY).orElseThrow().getTabletId());
    assertEquals(1, state.tabletFor(1, key("a")).orElseThrow().getTabletId());
    assertEquals(1, state.tabletFor(1, key("azzz")).orElseThrow().getTabletId());
    assertEquals(2, state.tabletFor(1, key("b")).orElseThrow().getTabletId());
    assertEquals(2, state.tabletFor(1, key("b\0")).orElseThrow().getTabletId());
    assertEquals(9, state.tabletFor(1, key("i")).orElseThrow().getTabletId());
    assertEquals(
        9,
        state
            .tabletFor(1, ByteString.copyFrom(new byte[] {(byte) 0xff}))
            .orElseThrow()
            .getTabletId());
    assertTrue(state.tabletFor(2, key("a")).isEmpty(), "unknown keyspace");
  }

  @Test
  void splitMakesTwoContiguousHalvesWithBumpedEpochs() {
    MetaState state = nineTablets();
    TabletEntry old = state.tablet(9).orElseThrow(); // ["i", "")

    TabletSplit s = ok(state, split(9, 1, key("m"))).value(TabletSplit.class);

    assertEquals(9, s.left().getTabletId());
    assertEquals(10, s.right().getTabletId());
    assertEquals(key("i"), s.left().getStartKey());
    assertEquals(key("m"), s.left().getEndKey());
    assertEquals(key("m"), s.right().getStartKey());
    assertEquals(ByteString.EMPTY, s.right().getEndKey());
    assertEquals(2, s.left().getEpoch());
    assertEquals(2, s.right().getEpoch());
    assertEquals(old.getReplicasList(), s.right().getReplicasList());
    assertEquals(old.getReplicasList(), s.left().getReplicasList());
    assertEquals(10, state.tablets(1).size());
    assertCovers(state.tablets(1));
    assertEquals(9, state.tabletFor(1, key("l")).orElseThrow().getTabletId());
    assertEquals(10, state.tabletFor(1, key("m")).orElseThrow().getTabletId());
  }

  @Test
  void staleEpochSplitIsTabletMovedWithTheCurrentEpoch() {
    MetaState state = nineTablets();
    ok(state, split(5, 1, key("ex")));

    MetaResult.Failed f = fails(state, split(5, 1, key("ey")), ErrorCode.TABLET_MOVED);

    assertEquals(new RetryHint.TabletMoved("5", 1, 2), f.hint());
    ok(state, split(5, 2, key("ew")));
    assertCovers(state.tablets(1));
  }

  @Test
  void splitKeyOutsideTheOpenRangeIsInvalid() {
    MetaState state = nineTablets(); // tablet 5 = ["e", "f")

    fails(state, split(5, 1, key("e")), ErrorCode.INVALID_ARGUMENT);
    fails(state, split(5, 1, key("f")), ErrorCode.INVALID_ARGUMENT);
    fails(state, split(5, 1, key("a")), ErrorCode.INVALID_ARGUMENT);
    fails(state, split(1, 1, ByteString.EMPTY), ErrorCode.INVALID_ARGUMENT);
    fails(state, split(99, 1, key("x")), ErrorCode.TABLET_NOT_FOUND);
  }

  @Test
  void updateReplicasChecksAndBumpsTheEpoch() {
    MetaState state = withNodes(5);
    ok(state, table(tableDef("app", "t"), List.of(), List.of(List.of("n1", "n2", "n3"))));

    TabletEntry moved = ok(state, updateReplicas(1, 1, "n2", "n3", "n4")).value(TabletEntry.class);

    assertEquals(2, moved.getEpoch());
    assertEquals(List.of("n2", "n3", "n4"), moved.getReplicasList());
    assertEquals("", moved.getLeaderHint(), "n1 led and left");
    MetaResult.Failed f =
        fails(state, updateReplicas(1, 1, "n1", "n2", "n3"), ErrorCode.TABLET_MOVED);
    assertEquals(new RetryHint.TabletMoved("1", 1, 2), f.hint());
    fails(state, updateReplicas(1, 2, "n2", "n2", "n3"), ErrorCode.INVALID_ARGUMENT);
    fails(state, updateReplicas(1, 2, "n2", "n3", "n9"), ErrorCode.INVALID_ARGUMENT);
    fails(state, updateReplicas(1, 2), ErrorCode.INVALID_ARGUMENT);
    fails(state, updateReplicas(7, 1, "n1"), ErrorCode.TABLET_NOT_FOUND);
  }

  @Test
  void updateLeaderKeepsTheEpochAndNeedsAReplica() {
    MetaState state = withNodes(5);
    ok(state, table(tableDef("app", "t"), List.of(), List.of(List.of("n1", "n2", "n3"))));

    TabletEntry t = ok(state, updateLeader(1, "n3")).value(TabletEntry.class);

    assertEquals("n3", t.getLeaderHint());
    assertEquals(1, t.getEpoch());
    fails(state, updateLeader(1, "n5"), ErrorCode.INVALID_ARGUMENT);
    fails(state, updateLeader(2, "n1"), ErrorCode.TABLET_NOT_FOUND);
  }
}
