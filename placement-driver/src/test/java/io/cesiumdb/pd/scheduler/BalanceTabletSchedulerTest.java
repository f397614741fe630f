package io.cesiumdb.pd.scheduler;

import static io.cesiumdb.pd.ClusterBuilder.cluster;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.pd.Views;
import io.cesiumdb.pd.cluster.ClusterView;
import io.cesiumdb.pd.operator.Operator;
import io.cesiumdb.pd.operator.OperatorKind;
import io.cesiumdb.pd.operator.OperatorSimulator;
import io.cesiumdb.pd.operator.Step;
import java.util.List;
import org.junit.jupiter.api.Test;

class BalanceTabletSchedulerTest {

  @Test
  void movesAReplicaFromTheFullestToTheEmptiestNode() {
    // node | state | tablets | leaders
    // n1   | UP    | 4       | 2     (tablets 1-2 led by n2, 3-4 led by n1)
    // n2   | UP    | 4       | 2
    // n3   | UP    | 4       | 0
    // n4   | UP    | 0       | 0
    ClusterView view =
        cluster()
            .up("n1", "n2", "n3", "n4")
            .tablets(2, "n1", "n2*", "n3")
            .tablets(2, "n1*", "n2", "n3")
            .build();

    List<Operator> ops = new BalanceTabletScheduler(1, 1).schedule(view);

    assertEquals(1, ops.size());
    assertEquals(OperatorKind.BALANCE_TABLET, ops.get(0).kind());
    // fullest by id is n3 (ties: highest id first), emptiest n4; tablet 1 is the lowest movable.
    assertEquals(
        List.of(new Step.AddReplica("n4"), new Step.RemoveReplica("n3")), ops.get(0).steps());
  }

  @Test
  void movesNothingToACoolingNode() {
    // node | state       | tablets
    // n1   | UP          | 4
    // n2   | UP          | 4
    // n3   | UP          | 2
    // n4   | UP, cooling | 0    (the emptiest, but it may have just died)
    // n5   | UP          | 2
    ClusterView view =
        cluster()
            .up("n1", "n2", "n3", "n4", "n5")
            .cooling("n4")
            .tablets(2, "n1", "n2*", "n3")
            .tablets(2, "n1*", "n2", "n5")
            .build();

    List<Operator> ops = new BalanceTabletScheduler(1, 2).schedule(view);

    assertEquals(2, ops.size(), ops.toString());
    ops.forEach(op -> assertFalse(op.steps().contains(new Step.AddReplica("n4")), op.toString()));
    ClusterView cold =
        cluster()
            .up("n1", "n2", "n3", "n4", "n5")
            .tablets(2, "n1", "n2*", "n3")
            .tablets(2, "n1*", "n2", "n5")
            .build();
    assertEquals(
        new Step.AddReplica("n4"),
        new BalanceTabletScheduler(1, 1).schedule(cold).get(0).steps().get(0),
        "without cooling n4 is the first target");
  }

  @Test
  void transfersLeadershipBeforeRemovingTheLeader() {
    // node | state | tablets | leaders
    // n1   | UP    | 3       | 3
    // n2   | UP    | 2       | 0
    // n3   | UP    | 2       | 0
    // n4   | UP    | 2       | 0
    // n5   | UP    | 0       | 0
    ClusterView view =
        cluster()
            .up("n1", "n2", "n3", "n4", "n5")
            .tablet(1, "n1*", "n2", "n3")
            .tablet(2, "n1*", "n2", "n4")
            .tablet(3, "n1*", "n3", "n4")
            .build();

    List<Operator> ops = new BalanceTabletScheduler(1, 1).schedule(view);

    assertEquals(1, ops.size());
    assertEquals(1L, ops.get(0).tabletId());
    assertEquals(
        List.of(
            new Step.AddReplica("n5"),
            new Step.TransferLeader("n1", "n5"),
            new Step.RemoveReplica("n1")),
        ops.get(0).steps());
    ClusterView after = OperatorSimulator.applyAll(view, ops);
    assertEquals(List.of("n2", "n3", "n5"), Views.tablet(after, 1).replicas());
    assertEquals("n5", Views.tablet(after, 1).leader());
  }

  @Test
  void aFullRoundBringsCountsWithinTolerance() {
    // node | state | tablets
    // n1-3 | UP    | 6
    // n4   | UP    | 0
    // n5   | UP    | 0
    ClusterView view =
        cluster().up("n1", "n2", "n3", "n4", "n5").tablets(6, "n1*", "n2", "n3").build();

    List<Operator> ops = new BalanceTabletScheduler(1, 100).schedule(view);

    ClusterView after = OperatorSimulator.applyAll(view, ops);
    assertTrue(Views.spread(Views.tabletCounts(after)) <= 1, Views.tabletCounts(after).toString());
    after.tablets().forEach(t -> assertEquals(3, t.replicas().size()));
  }

  @Test
  void proposesNothingWhenBalancedOrWhenOnlyPendingOrUnhealthyTabletsCouldMove() {
    // node | state | tablets
    // n1   | UP    | 3
    // n2-4 | UP    | 2
    ClusterView balanced =
        cluster()
            .up("n1", "n2", "n3", "n4")
            .tablet(1, "n1*", "n2", "n3")
            .tablet(2, "n1*", "n2", "n4")
            .tablet(3, "n1*", "n3", "n4")
            .build();
    // node | state   | tablets
    // n1   | UP      | 2   (tablet 1 pending, tablet 2 has a SUSPECT replica)
    // n2   | UP      | 2
    // n3   | SUSPECT | 1
    // n4   | UP      | 0
    ClusterView stuck =
        cluster()
            .up("n1", "n2", "n4")
            .suspect("n3")
            .tablet(1, "n1*", "n2")
            .tablet(2, "n1*", "n2", "n3")
            .pending(1)
            .build();

    assertTrue(new BalanceTabletScheduler(1, 4).schedule(balanced).isEmpty());
    assertTrue(new BalanceTabletScheduler(1, 4).schedule(stuck).isEmpty());
  }
}
