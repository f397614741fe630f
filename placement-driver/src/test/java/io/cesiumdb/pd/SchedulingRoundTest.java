package io.cesiumdb.pd;

import static io.cesiumdb.pd.ClusterBuilder.cluster;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.pd.checker.ReplicaChecker;
import io.cesiumdb.pd.cluster.ClusterView;
import io.cesiumdb.pd.operator.Operator;
import io.cesiumdb.pd.operator.OperatorKind;
import io.cesiumdb.pd.operator.Step;
import io.cesiumdb.pd.scheduler.Scheduler;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchedulingRoundTest {

  /** A scheduler that proposes a leader transfer n1 → n2 for each given tablet. */
  private static Scheduler proposing(long... tablets) {
    return new Scheduler() {
      @Override
      public String name() {
        return "fake";
      }

      @Override
      public List<Operator> schedule(ClusterView view) {
        return java.util.Arrays.stream(tablets)
            .mapToObj(
                t ->
                    Operator.of(
                        t,
                        1,
                        OperatorKind.BALANCE_LEADER,
                        "fake",
                        new Step.TransferLeader("n1", "n2")))
            .toList();
      }
    };
  }

  // node | state | tablets | leaders
  // n1   | UP    | 3       | 3
  // n2   | UP    | 3       | 0
  // n3   | DOWN  | 2       | 0   (tablets 2, 3)
  // n4   | UP    | 1       | 0   (tablet 1)
  // n5   | UP    | 0       | 0
  private final ClusterView view =
      cluster()
          .up("n1", "n2", "n4", "n5")
          .down("n3")
          .tablet(1, "n1*", "n2", "n4")
          .tablet(2, "n1*", "n2", "n3")
          .tablet(3, "n1*", "n2", "n3")
          .build();

  @Test
  void repairsComeFirstAndEachTabletGetsOneOperator() {
    SchedulingRound round =
        new SchedulingRound(List.of(new ReplicaChecker()), List.of(proposing(1, 2), proposing(1)));

    List<Operator> ops = round.run(view).operators();

    assertEquals(List.of(2L, 3L, 1L), Views.tabletIds(ops));
    assertEquals(OperatorKind.REPAIR_REPLICA, ops.get(0).kind());
    assertEquals(OperatorKind.REPAIR_REPLICA, ops.get(1).kind());
    assertEquals(OperatorKind.BALANCE_LEADER, ops.get(2).kind());
  }

  @Test
  void schedulersDoNotPlanAroundARepairAndPendingTabletsAreDropped() {
    SchedulingRound round = SchedulingRound.defaults();

    RoundResult result = round.run(view.withPending(List.of(1L)));

    // Tablets 2, 3 get repairs (to n5 then n4, fewest tablets first); tablet 1 is pending, so
    // leader balance has nothing it may touch.
    assertEquals(List.of(2L, 3L), Views.tabletIds(result.operators()));
    assertEquals(List.of("n5", "n4"), result.operators().stream().map(Views::addedNode).toList());
    assertTrue(result.unresolved().isEmpty());
  }

  @Test
  void aFakeSchedulerCannotTouchAPendingTablet() {
    SchedulingRound round = new SchedulingRound(List.of(), List.of(proposing(1, 2)));

    assertEquals(
        List.of(2L), Views.tabletIds(round.run(view.withPending(List.of(1L))).operators()));
  }
}
