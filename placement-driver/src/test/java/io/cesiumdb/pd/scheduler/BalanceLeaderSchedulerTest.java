package io.cesiumdb.pd.scheduler;

import static io.cesiumdb.pd.ClusterBuilder.cluster;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.pd.Views;
import io.cesiumdb.pd.cluster.ClusterView;
import io.cesiumdb.pd.operator.Operator;
import io.cesiumdb.pd.operator.OperatorKind;
import io.cesiumdb.pd.operator.OperatorSimulator;
import io.cesiumdb.pd.operator.Step;
import java.util.List;
import org.junit.jupiter.api.Test;

class BalanceLeaderSchedulerTest {

  @Test
  void transfersFromTheNodeWithMostLeadersToTheReplicaHolderWithFewest() {
    // node | state | tablets | leaders
    // n1   | UP    | 4       | 4
    // n2   | UP    | 4       | 0
    // n3   | UP    | 4       | 0
    ClusterView view = cluster().up("n1", "n2", "n3").tablets(4, "n1*", "n2", "n3").build();

    List<Operator> ops = new BalanceLeaderScheduler(1, 1).schedule(view);

    assertEquals(1, ops.size());
    assertEquals(OperatorKind.BALANCE_LEADER, ops.get(0).kind());
    assertEquals(List.of(new Step.TransferLeader("n1", "n2")), ops.get(0).steps());
    assertEquals(1L, ops.get(0).tabletId());
  }

  @Test
  void aFullRoundEvensLeadersWithoutOvershooting() {
    // node | state | tablets | leaders
    // n1   | UP    | 6       | 6
    // n2   | UP    | 6       | 0
    // n3   | UP    | 6       | 0
    ClusterView view = cluster().up("n1", "n2", "n3").tablets(6, "n1*", "n2", "n3").build();

    List<Operator> ops = new BalanceLeaderScheduler(1, 10).schedule(view);

    ClusterView after = OperatorSimulator.applyAll(view, ops);
    assertEquals(4, ops.size());
    assertEquals(0, Views.spread(Views.leaderCounts(after)), Views.leaderCounts(after).toString());
  }

  @Test
  void proposesNothingWithinTolerance() {
    // node | state | tablets | leaders
    // n1   | UP    | 3       | 2
    // n2   | UP    | 3       | 1
    // n3   | UP    | 3       | 0
    ClusterView view =
        cluster()
            .up("n1", "n2", "n3")
            .tablets(2, "n1*", "n2", "n3")
            .tablets(1, "n1", "n2*", "n3")
            .build();

    assertTrue(new BalanceLeaderScheduler(2, 4).schedule(view).isEmpty());
    assertEquals(1, new BalanceLeaderScheduler(1, 4).schedule(view).size());
  }

  @Test
  void onlyTransfersToUpReplicaHolders() {
    // node | state   | tablets | leaders
    // n1   | UP      | 3       | 3
    // n2   | SUSPECT | 3       | 0
    // n3   | UP      | 3       | 0
    // n4   | UP      | 0       | 0    (holds nothing: cannot lead)
    ClusterView view =
        cluster().up("n1", "n3", "n4").suspect("n2").tablets(3, "n1*", "n2", "n3").build();

    List<Operator> ops = new BalanceLeaderScheduler(1, 4).schedule(view);

    assertEquals(
        List.of(List.of(new Step.TransferLeader("n1", "n3"))),
        ops.stream().map(Operator::steps).toList());
  }

  @Test
  void leavesCoolingNodesAloneThoughTheyLeadTheFewest() {
    // node | state       | tablets | leaders
    // n1   | UP          | 4       | 4
    // n2   | UP, cooling | 4       | 0    (just died: leads nothing, heartbeat not stale yet)
    // n3   | UP          | 4       | 0
    ClusterView view =
        cluster().up("n1", "n2", "n3").cooling("n2").tablets(4, "n1*", "n2", "n3").build();

    List<Operator> ops = new BalanceLeaderScheduler(1, 4).schedule(view);

    assertEquals(2, ops.size(), ops.toString());
    ops.forEach(
        op ->
            assertEquals(List.of(new Step.TransferLeader("n1", "n3")), op.steps(), op.toString()));
  }

  @Test
  void respectsPendingOperatorsAndTheRoundLimit() {
    // node | state | tablets | leaders
    // n1   | UP    | 6       | 6    (tablets 1, 2 pending)
    // n2   | UP    | 6       | 0
    // n3   | UP    | 6       | 0
    ClusterView view =
        cluster().up("n1", "n2", "n3").tablets(6, "n1*", "n2", "n3").pending(1, 2).build();

    List<Operator> ops = new BalanceLeaderScheduler(1, 2).schedule(view);

    assertEquals(List.of(3L, 4L), Views.tabletIds(ops));
  }
}
