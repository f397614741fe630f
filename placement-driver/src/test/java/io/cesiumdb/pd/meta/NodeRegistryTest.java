package io.cesiumdb.pd.meta;

import static io.cesiumdb.pd.meta.MetaCommands.fails;
import static io.cesiumdb.pd.meta.MetaCommands.heartbeat;
import static io.cesiumdb.pd.meta.MetaCommands.ok;
import static io.cesiumdb.pd.meta.MetaCommands.register;
import static io.cesiumdb.pd.meta.MetaCommands.report;
import static io.cesiumdb.pd.meta.MetaCommands.table;
import static io.cesiumdb.pd.meta.MetaCommands.tableDef;
import static io.cesiumdb.pd.meta.MetaCommands.withNodes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.pd.cluster.ClusterView;
import io.cesiumdb.pd.cluster.LivenessPolicy;
import io.cesiumdb.pd.cluster.NodeState;
import io.cesiumdb.proto.placement.NodeEntry;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NodeRegistryTest {
  private static final long SEC = 1_000_000;

  @Test
  void registerAndHeartbeat() {
    MetaState state = new MetaState();

    NodeEntry n = ok(state, register("n1", 5 * SEC)).value(NodeEntry.class);
    assertEquals("n1:7000", n.getRpcAddress());
    assertEquals(5 * SEC, n.getLastHeartbeatMicros());

    NodeEntry hb =
        ok(state, heartbeat("n1", 7 * SEC, report(1, true, 10), report(2, false, 0)))
            .value(NodeEntry.class);
    assertEquals(7 * SEC, hb.getLastHeartbeatMicros());
    assertEquals(2, hb.getTabletCount());
    assertEquals(1, hb.getLeaderCount());
    assertEquals(1000, hb.getDiskUsedBytes());
    // time never moves backwards; re-registration keeps it too
    ok(state, heartbeat("n1", 6 * SEC));
    ok(state, register("n1", 1));
    assertEquals(7 * SEC, state.node("n1").orElseThrow().getLastHeartbeatMicros());
    fails(state, heartbeat("n9", SEC), ErrorCode.INVALID_ARGUMENT);
  }

  @Test
  void heartbeatStoresTheReportedTabletIdsSortedAndDistinct() {
    MetaState state = withNodes(1);

    ok(
        state,
        heartbeat(
            "n1",
            SEC,
            report(7, false, 0),
            report(3, true, 1),
            report(42, false, 0),
            report(3, false, 0)));

    NodeEntry n1 = state.node("n1").orElseThrow();
    assertEquals(List.of(3L, 7L, 42L), n1.getReportedTabletsList());
    assertEquals(n1, MetaState.fromSnapshot(state.toSnapshot()).node("n1").orElseThrow());
    assertEquals(
        Set.of(3L, 7L, 42L),
        state
            .toClusterView(LivenessPolicy.DEFAULT, SEC, Set.of())
            .node("n1")
            .orElseThrow()
            .reportedTablets());
    ok(state, heartbeat("n1", 2 * SEC));
    assertEquals(List.of(), state.node("n1").orElseThrow().getReportedTabletsList());
  }

  @Test
  void leaderReportsMoveHintsOnlyForReplicas() {
    MetaState state = withNodes(4);
    ok(state, table(tableDef("app", "t"), List.of(), List.of(List.of("n1", "n2", "n3"))));

    ok(state, heartbeat("n2", SEC, report(1, true, 4096)));
    assertEquals("n2", state.tablet(1).orElseThrow().getLeaderHint());
    assertEquals(4096, state.tablet(1).orElseThrow().getApproximateSizeBytes());
    ok(state, heartbeat("n4", SEC, report(1, true, 1), report(42, true, 1)));
    assertEquals("n2", state.tablet(1).orElseThrow().getLeaderHint(), "n4 is no replica");
    ok(state, heartbeat("n2", 2 * SEC, report(1, false, 0)));
    assertEquals("", state.tablet(1).orElseThrow().getLeaderHint());
    assertEquals(1, state.tablet(1).orElseThrow().getEpoch(), "leadership is not a move");
  }

  @Test
  void clusterViewDerivesLivenessFromHeartbeatAge() {
    MetaState state = withNodes(3);
    ok(state, table(tableDef("app", "t"), List.of(), List.of(List.of("n1", "n2", "n3"))));
    ok(state, heartbeat("n1", 40 * SEC));
    ok(state, heartbeat("n2", 25 * SEC));

    ClusterView view = state.toClusterView(LivenessPolicy.DEFAULT, 40 * SEC, Set.of(1L));

    assertEquals(NodeState.UP, view.stateOf("n1"));
    assertEquals(NodeState.SUSPECT, view.stateOf("n2"));
    assertEquals(Set.of("n2", "n3"), view.coolingNodes(), "not heard from for >= 4 s");
    assertEquals(NodeState.DOWN, view.stateOf("n3"));
    assertEquals("n1:7001", view.node("n1").orElseThrow().raftAddress());
    assertEquals(1, view.tabletCount("n3"));
    assertEquals(1, view.leaderCount("n1"));
    assertEquals(Set.of(1L), view.pendingTablets());
    ClusterView later = state.toClusterView(LivenessPolicy.DEFAULT, 44 * SEC, Set.of());
    assertEquals(NodeState.UP, later.stateOf("n1"), "4 s < suspect after 10 s");
    assertFalse(later.isBalanceTarget("n1"), "but no longer fresh enough for new work");
    assertTrue(view.isBalanceTarget("n1"));
    assertEquals(
        "n2:7000",
        state.descriptor(state.tablet(1).orElseThrow()).getReplicas(1).getTabletAddress());
  }
}
