package io.cesiumdb.pd.operator;

import static io.cesiumdb.pd.ClusterBuilder.cluster;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cesiumdb.pd.Views;
import io.cesiumdb.pd.cluster.ClusterView;
import io.cesiumdb.pd.cluster.TabletInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperatorSimulatorTest {
  // node | state | tablets | leaders
  // n1   | UP    | 1       | 1
  // n2   | UP    | 1       | 0
  // n3   | UP    | 1       | 0
  // n4   | UP    | 0       | 0
  private final ClusterView view =
      cluster().up("n1", "n2", "n3", "n4").tablet(1, "n1*", "n2", "n3").build();

  @Test
  void membershipStepsChangeReplicasAndBumpTheEpoch() {
    Operator move =
        Operator.of(
            1,
            1,
            OperatorKind.BALANCE_TABLET,
            "test",
            new Step.AddReplica("n4"),
            new Step.RemoveReplica("n3"));

    TabletInfo after = Views.tablet(OperatorSimulator.apply(view, move), 1);

    assertEquals(List.of("n1", "n2", "n4"), after.replicas());
    assertEquals(3, after.epoch());
  }

  @Test
  void transferMovesLeadershipAndRemovingTheLeaderForgetsIt() {
    Operator transfer =
        Operator.of(1, 1, OperatorKind.BALANCE_LEADER, "t", new Step.TransferLeader("n1", "n3"));
    Operator removeLeader =
        Operator.of(1, 1, OperatorKind.REMOVE_EXTRA_REPLICA, "r", new Step.RemoveReplica("n1"));

    ClusterView transferred = OperatorSimulator.apply(view, transfer);

    assertEquals("n3", Views.tablet(transferred, 1).leader());
    assertEquals(1, transferred.leaderCount("n3"));
    assertNull(Views.tablet(OperatorSimulator.apply(view, removeLeader), 1).leader());
  }

  @Test
  void rejectsStaleEpochsAndIllegalSteps() {
    Operator stale = Operator.of(1, 0, OperatorKind.REPAIR_REPLICA, "s", new Step.AddReplica("n4"));
    Operator dup = Operator.of(1, 1, OperatorKind.REPAIR_REPLICA, "d", new Step.AddReplica("n2"));
    Operator notLeader =
        Operator.of(1, 1, OperatorKind.BALANCE_LEADER, "n", new Step.TransferLeader("n2", "n3"));

    assertThrows(IllegalStateException.class, () -> OperatorSimulator.apply(view, stale));
    assertThrows(IllegalStateException.class, () -> OperatorSimulator.apply(view, dup));
    assertThrows(IllegalStateException.class, () -> OperatorSimulator.apply(view, notLeader));
  }
}
