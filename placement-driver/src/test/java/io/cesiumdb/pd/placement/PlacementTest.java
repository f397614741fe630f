package io.cesiumdb.pd.placement;

import static io.cesiumdb.pd.ClusterBuilder.cluster;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.pd.ClusterBuilder;
import io.cesiumdb.pd.Views;
import io.cesiumdb.pd.cluster.ClusterView;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlacementTest {

  /** The view after the placements became tablets 1..n, preferred leader leading. */
  private static ClusterView placed(ClusterBuilder base, List<TabletPlacement> placements) {
    long id = 100;
    for (TabletPlacement p : placements) {
      List<String> replicas = p.replicas();
      String[] drawn = replicas.toArray(new String[0]);
      drawn[0] = drawn[0] + "*";
      base.tablet(id++, drawn);
    }
    return base.build();
  }

  @Test
  void nineTabletsOnFiveNodesAreDistinctBalancedAndLeadersSpread() {
    // node | state | tablets | leaders
    // n1-5 | UP    | 0       | 0
    ClusterView empty = cluster().up("n1", "n2", "n3", "n4", "n5").build();

    List<TabletPlacement> placements = Placement.placeNewTablets(empty, 9);

    assertEquals(9, placements.size());
    placements.forEach(p -> assertEquals(3, p.replicas().stream().distinct().count()));
    ClusterView after = placed(cluster().up("n1", "n2", "n3", "n4", "n5"), placements);
    Map<String, Integer> tablets = Views.tabletCounts(after);
    assertTrue(Views.spread(tablets) <= 1, "tablet counts " + tablets);
    assertEquals(27, tablets.values().stream().mapToInt(Integer::intValue).sum());
    Map<String, Integer> leaders = Views.leaderCounts(after);
    assertTrue(Views.spread(leaders) <= 1, "leader counts " + leaders);
  }

  @Test
  void newTabletsGoToTheEmptiestNodes() {
    // node | state | tablets | leaders
    // n1   | UP    | 2       | 2
    // n2   | UP    | 2       | 0
    // n3   | UP    | 2       | 0
    // n4   | UP    | 0       | 0
    // n5   | UP    | 0       | 0
    ClusterView view =
        cluster().up("n1", "n2", "n3", "n4", "n5").tablets(2, "n1*", "n2", "n3").build();

    List<TabletPlacement> placements = Placement.placeNewTablets(view, 1);

    // n4, n5 are emptiest; n1-n3 tie on tablets, so n1 by id is third. Leader order sorts by
    // leaders: n4, n5 (0, by id) before n1 (2).
    assertEquals(List.of("n4", "n5", "n1"), placements.get(0).replicas());
    assertEquals("n4", placements.get(0).preferredLeader());
  }

  @Test
  void placementIsDeterministicAndSkipsNodesThatAreNotUp() {
    // node | state
    // n1   | UP
    // n2   | SUSPECT
    // n3   | UP
    // n4   | DOWN
    // n5   | UP
    ClusterView view = cluster().up("n1", "n3", "n5").suspect("n2").down("n4").build();

    List<TabletPlacement> first = Placement.placeNewTablets(view, 4);

    assertEquals(first, Placement.placeNewTablets(view, 4));
    first.forEach(
        p -> assertEquals(List.of("n1", "n3", "n5"), p.replicas().stream().sorted().toList()));
  }

  @Test
  void refusesWithFewerUpNodesThanReplicas() {
    // node | state
    // n1   | UP
    // n2   | UP
    // n3   | DOWN
    ClusterView view = cluster().up("n1", "n2").down("n3").build();

    CesiumException e =
        assertThrows(CesiumException.class, () -> Placement.placeNewTablets(view, 9));

    assertEquals(ErrorCode.UNAVAILABLE, e.code());
    assertTrue(e.getMessage().contains("only 2 UP nodes"), e.getMessage());
  }

  @Test
  void rejectsNonPositiveCounts() {
    ClusterView view = cluster().up("n1", "n2", "n3").build();

    assertEquals(
        ErrorCode.INVALID_ARGUMENT,
        assertThrows(CesiumException.class, () -> Placement.placeNewTablets(view, 0)).code());
  }
}
