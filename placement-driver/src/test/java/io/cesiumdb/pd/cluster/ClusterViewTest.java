package io.cesiumdb.pd.cluster;

import static io.cesiumdb.pd.ClusterBuilder.cluster;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cesiumdb.pd.Views;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterViewTest {

  @Test
  void livenessFollowsHeartbeatAge() {
    // heartbeat age | state (default: suspect after 10 s, down after 30 s)
    // 0 s           | UP
    // 9.999 s       | UP
    // 10 s          | SUSPECT
    // 29.999 s      | SUSPECT
    // 30 s          | DOWN
    LivenessPolicy p = LivenessPolicy.DEFAULT;
    assertEquals(NodeState.UP, p.stateFor(Duration.ZERO));
    assertEquals(NodeState.UP, p.stateFor(Duration.ofMillis(9_999)));
    assertEquals(NodeState.SUSPECT, p.stateFor(Duration.ofSeconds(10)));
    assertEquals(NodeState.SUSPECT, p.stateFor(Duration.ofMillis(29_999)));
    assertEquals(NodeState.DOWN, p.stateFor(Duration.ofSeconds(30)));
    Instant now = Instant.parse("2025-01-01T00:00:30Z");
    NodeInfo n = NodeInfo.fromHeartbeat("n1", "a:1", "a:2", 0, now.minusSeconds(31), now, p);
    assertEquals(NodeState.DOWN, n.state());
    assertThrows(
        IllegalArgumentException.class,
        () -> new LivenessPolicy(Duration.ofSeconds(5), Duration.ofSeconds(1)));
  }

  @Test
  void countsAreDerivedFromTablets() {
    // node | tablets | leaders
    // n1   | 2       | 2
    // n2   | 2       | 0
    // n3   | 1       | 0
    // n4   | 1       | 0
    ClusterView view =
        cluster()
            .up("n1", "n2", "n3", "n4")
            .tablet(1, "n1*", "n2", "n3")
            .tablet(2, "n1*", "n2", "n4")
            .build();

    assertEquals(Map.of("n1", 2, "n2", 2, "n3", 1, "n4", 1), Views.tabletCounts(view));
    assertEquals(Map.of("n1", 2, "n2", 0, "n3", 0, "n4", 0), Views.leaderCounts(view));
    assertEquals(NodeState.DOWN, view.stateOf("unknown"));
  }

  @Test
  void descriptorRoundTripsThroughTheMapper() {
    ClusterView view = cluster().up("n1", "n2", "n3").tablet(5, "n2*", "n1", "n3").build();
    TabletInfo tablet = Views.tablet(view, 5);

    TabletDescriptor d = TabletDescriptorMapper.toDescriptor(tablet, view);

    assertEquals("n1:7000", d.getReplicas(1).getRaftAddress());
    assertEquals("n1:7100", d.getReplicas(1).getTabletAddress());
    assertEquals(tablet, TabletDescriptorMapper.toInfo(d, "n2", 0));
  }

  @Test
  void tabletsRejectDuplicateReplicasAndForeignLeaders() {
    assertThrows(IllegalArgumentException.class, () -> cluster().tablet(1, "n1", "n1").build());
    assertThrows(
        IllegalArgumentException.class,
        () -> Views.tablet(cluster().tablet(1, "n1", "n2").build(), 1).withLeader("n3"));
    assertEquals(
        List.of("n1", "n2"), Views.tablet(cluster().tablet(1, "n1", "n2").build(), 1).replicas());
  }
}
