package io.cesiumdb.pd.checker;

import static io.cesiumdb.pd.ClusterBuilder.cluster;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.pd.Views;
import io.cesiumdb.pd.cluster.ClusterView;
import io.cesiumdb.pd.operator.Operator;
import io.cesiumdb.pd.operator.OperatorKind;
import io.cesiumdb.pd.operator.Step;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplicaCheckerTest {
  private final ReplicaChecker checker = new ReplicaChecker();

  @Test
  void replacesEveryReplicaOfADeadNodeOnDistinctSpreadTargets() {
    // node | state | tablets
    // n1   | UP    | 8
    // n2   | UP    | 8
    // n3   | DOWN  | 4      (tablets 1-4, with n1, n2)
    // n4   | UP    | 2      (tablets 5-6, with n1, n2)
    // n5   | UP    | 2      (tablets 7-8, with n1, n2)
    ClusterView view =
        cluster()
            .up("n1", "n2", "n4", "n5")
            .down("n3")
            .tablets(4, "n1*", "n2", "n3")
            .tablets(2, "n1", "n2*", "n4")
            .tablets(2, "n1*", "n2", "n5")
            .build();

    CheckResult result = checker.check(view);

    assertEquals(List.of(1L, 2L, 3L, 4L), Views.tabletIds(result.operators()));
    Map<String, Integer> targets = new HashMap<>();
    for (Operator op : result.operators()) {
      String target = Views.addedNode(op);
      assertEquals(OperatorKind.REPAIR_REPLICA, op.kind());
      assertEquals(List.of(new Step.AddReplica(target), new Step.RemoveReplica("n3")), op.steps());
      assertTrue(view.isUp(target));
      assertFalse(Views.tablet(view, op.tabletId()).hasReplicaOn(target));
      targets.merge(target, 1, Integer::sum);
    }
    // n4 and n5 both had 2 tablets: the four repairs alternate between them, 2 / 2.
    assertEquals(Map.of("n4", 2, "n5", 2), targets);
    assertTrue(result.unresolved().isEmpty());
  }

  @Test
  void proposesNothingAndSaysWhyWhenNoNodeIsEligible() {
    // node | state | tablets
    // n1   | UP    | 1
    // n2   | UP    | 1
    // n3   | DOWN  | 1
    ClusterView view = cluster().up("n1", "n2").down("n3").tablet(1, "n1*", "n2", "n3").build();

    CheckResult result = checker.check(view);

    assertTrue(result.operators().isEmpty());
    assertEquals(1, result.unresolved().size());
    assertTrue(result.unresolved().get(0).contains("tablet 1"), result.unresolved().get(0));
    assertTrue(result.unresolved().get(0).contains("DOWN node n3"), result.unresolved().get(0));
  }

  @Test
  void leavesSuspectReplicasAlone() {
    // node | state   | tablets
    // n1   | UP      | 1
    // n2   | UP      | 1
    // n3   | SUSPECT | 1
    // n4   | UP      | 0
    ClusterView view =
        cluster().up("n1", "n2", "n4").suspect("n3").tablet(1, "n1*", "n2", "n3").build();

    assertEquals(new CheckResult(List.of(), List.of()), checker.check(view));
  }

  @Test
  void removesAReplicaBeyondTheTargetButNeverTheLeader() {
    // node | state | tablets
    // n1   | UP    | 2     (leads tablet 1)
    // n2   | UP    | 1
    // n3   | UP    | 1
    // n4   | UP    | 2     (fullest non-leader of tablet 1)
    ClusterView view =
        cluster()
            .up("n1", "n2", "n3", "n4")
            .tablet(1, "n1*", "n2", "n3", "n4")
            .tablet(2, "n1*", "n4")
            .build();

    List<Operator> ops = checker.check(view).operators();

    assertEquals(2, ops.size());
    assertEquals(OperatorKind.REMOVE_EXTRA_REPLICA, ops.get(0).kind());
    assertEquals(List.of(new Step.RemoveReplica("n4")), ops.get(0).steps());
    // tablet 2 has only two replicas: one is added on the emptiest node not holding it.
    assertEquals(List.of(new Step.AddReplica("n2")), ops.get(1).steps());
  }

  @Test
  void skipsTabletsWithAPendingOperator() {
    // node | state | tablets
    // n1,n2| UP    | 2
    // n3   | DOWN  | 2
    // n4   | UP    | 0
    ClusterView view =
        cluster().up("n1", "n2", "n4").down("n3").tablets(2, "n1*", "n2", "n3").pending(1).build();

    assertEquals(List.of(2L), Views.tabletIds(checker.check(view).operators()));
  }

  @Test
  void operatorCarriesTheTabletEpoch() {
    ClusterView view =
        cluster().up("n1", "n2", "n4").down("n3").tablet(7, "n1*", "n2", "n3").build();
    ClusterView moved = view.withTablet(Views.tablet(view, 7).withEpoch(42));

    Operator op = checker.check(moved).operators().get(0);

    assertEquals(42, op.epoch());
    assertEquals("repair_replica/t7@e42", op.id());
  }

  @Test
  void replacesALostReplicaOnALiveNodeLikeADeadOne() {
    // node | state | tablets        | note
    // n1   | UP    | 5 (leader), 6  |
    // n2   | UP    | 5, 6           | its replica of 5 is lost (not reported past the grace)
    // n3   | UP    | 5, 6           |
    // n4   | UP    | -              |
    ClusterView view =
        cluster()
            .up("n1", "n2", "n3", "n4")
            .tablet(5, "n1*", "n2", "n3")
            .tablet(6, "n1*", "n2", "n3")
            .lost(5, "n2")
            .build();

    CheckResult result = checker.check(view);

    assertEquals(1, result.operators().size());
    Operator op = result.operators().get(0);
    assertEquals(5, op.tabletId());
    assertEquals(OperatorKind.REPAIR_REPLICA, op.kind());
    assertEquals(List.of(new Step.AddReplica("n4"), new Step.RemoveReplica("n2")), op.steps());
    assertTrue(op.reason().contains("lost replica on UP node n2"), op.reason());
  }

  @Test
  void replacesADownReplicaBeforeALostOneAndNeverTargetsANodeReportingTheTablet() {
    // node | state | tablets       | reports
    // n1   | UP    | 5 (leader)    |
    // n2   | UP    | 5 (lost)      |
    // n3   | DOWN  | 5             |
    // n4   | UP    | -             | 5 (an orphan copy: not a target)
    // n5   | UP    | -             |
    ClusterView view =
        cluster()
            .up("n1", "n2", "n4", "n5")
            .down("n3")
            .tablet(5, "n1*", "n2", "n3")
            .lost(5, "n2")
            .reports("n4", 5)
            .build();

    Operator op = checker.check(view).operators().get(0);

    assertEquals(List.of(new Step.AddReplica("n5"), new Step.RemoveReplica("n3")), op.steps());
  }
}
