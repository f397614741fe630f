package io.cesiumdb.pd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.pd.cluster.ClusterView;
import io.cesiumdb.pd.cluster.NodeState;
import io.cesiumdb.pd.cluster.TabletInfo;
import io.cesiumdb.pd.operator.OperatorSimulator;
import io.cesiumdb.pd.placement.Placement;
import io.cesiumdb.pd.placement.TabletPlacement;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random clusters of 4-9 UP nodes with 1-40 placed tablets; one node dies. Running full rounds
 * (checkers and schedulers) and applying their operators must end with every tablet on three
 * distinct UP nodes, and every intermediate view must stay legal (no tablet below two replicas).
 */
class RandomizedRepairTest {
  private static final int SEEDS = 300;
  private static final int MAX_ROUNDS = 50;

  @Test
  void everyTabletEndsWithThreeReplicasOnUpNodes() {
    for (long seed = 1; seed <= SEEDS; seed++) {
      Random random = new Random(seed);
      ClusterView view = randomCluster(random);
      String dead = "n" + (1 + random.nextInt(view.nodes().size()));
      view = killNode(view, dead);

      view = runToQuiet(view, seed);

      for (TabletInfo t : view.tablets()) {
        String where = "seed " + seed + ", tablet " + t;
        assertEquals(3, t.replicas().size(), where);
        assertTrue(t.replicas().stream().allMatch(view::isUp), where);
      }
    }
  }

  private static ClusterView randomCluster(Random random) {
    ClusterBuilder b = ClusterBuilder.cluster();
    int nodes = 4 + random.nextInt(6);
    for (int i = 1; i <= nodes; i++) {
      b.up("n" + i);
    }
    List<TabletPlacement> placements = Placement.placeNewTablets(b.build(), 1 + random.nextInt(40));
    long id = 1;
    for (TabletPlacement p : placements) {
      String[] drawn = p.replicas().toArray(new String[0]);
      drawn[0] += "*";
      b.tablet(id++, drawn);
    }
    return b.build();
  }

  /** The same view with {@code dead} DOWN. */
  private static ClusterView killNode(ClusterView view, String dead) {
    return new ClusterView(
        view.nodes().stream()
            .map(n -> n.id().equals(dead) ? n.withState(NodeState.DOWN) : n)
            .toList(),
        view.tablets(),
        List.of());
  }

  private static ClusterView runToQuiet(ClusterView view, long seed) {
    SchedulingRound round = SchedulingRound.defaults();
    for (int i = 0; i < MAX_ROUNDS; i++) {
      RoundResult result = round.run(view);
      assertTrue(result.unresolved().isEmpty(), "seed " + seed + ": " + result.unresolved());
      if (result.operators().isEmpty()) {
        return view;
      }
      view = OperatorSimulator.applyAll(view, result.operators());
      view.tablets().forEach(t -> assertTrue(t.replicas().size() >= 2, "seed " + seed));
    }
    throw new AssertionError("seed " + seed + ": no quiet view after " + MAX_ROUNDS + " rounds");
  }
}
