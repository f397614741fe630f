package io.cesiumdb.pd.controller;

import static io.cesiumdb.pd.controller.Commands.heartbeat;
import static io.cesiumdb.pd.controller.Commands.leader;
import static io.cesiumdb.pd.controller.Commands.nodes;
import static io.cesiumdb.pd.controller.Commands.table;
import static io.cesiumdb.pd.controller.Commands.tablet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.pd.cluster.LivenessPolicy;
import io.cesiumdb.pd.operator.Operator;
import io.cesiumdb.pd.operator.OperatorKind;
import io.cesiumdb.pd.operator.Step;
import io.cesiumdb.pd.tabletclient.FakeTabletAdmin;
import io.cesiumdb.proto.placement.MetaCommand.CommandCase;
import io.cesiumdb.proto.placement.TabletEntry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The executor's step sequences against a fake tablet side. Cluster: n1..n5 UP; tablet 1 on n1*,
 * n2, n3 (* = leader) at epoch 1.
 */
class TabletOperatorExecutorTest {
  private final InMemoryMetaLog log = new InMemoryMetaLog();
  private final FakeTabletAdmin tablets = new FakeTabletAdmin();
  private TabletOperatorExecutor executor;

  @BeforeEach
  void setUp() {
    nodes(log, "n1", "n2", "n3", "n4", "n5");
    table(log, "t", List.of(List.of("n1", "n2", "n3")));
    leader(log, 1, "n1");
    LivenessPolicy liveness = new LivenessPolicy(Duration.ofSeconds(1), Duration.ofSeconds(2));
    LeaderContext ctx = new LeaderContext(log, tablets, liveness, ControllerConfig.DEFAULT);
    executor = new TabletOperatorExecutor(ctx, Runnable::run);
  }

  private static Operator op(long epoch, Step... steps) {
    return Operator.of(1, epoch, OperatorKind.REPAIR_REPLICA, "test", steps);
  }

  @Test
  void addReplicaCreatesThenChangesMembershipThenCommits() {
    executor.execute(op(1, new Step.AddReplica("n4"))).join();

    assertEquals(
        List.of("CreateReplica t1 on n4 [n1, n2, n3, n4]", "ChangeReplicas t1 [n1, n2, n3, n4]"),
        tablets.calls());
    TabletEntry t = tablet(log, 1);
    assertEquals(List.of("n1", "n2", "n3", "n4"), t.getReplicasList());
    assertEquals(2, t.getEpoch());
    assertEquals(1, log.committed(CommandCase.UPDATE_REPLICAS).size());
  }

  @Test
  void replacingTheLeaderTransfersLeadershipFirstAndRemovesTheOldReplica() {
    executor.execute(op(1, new Step.AddReplica("n4"), new Step.RemoveReplica("n1"))).join();

    assertEquals(
        List.of(
            "CreateReplica t1 on n4 [n1, n2, n3, n4]",
            "ChangeReplicas t1 [n1, n2, n3, n4]",
            "TransferLeader t1 to n2",
            "ChangeReplicas t1 [n2, n3, n4]",
            "RemoveReplica t1 on n1"),
        tablets.calls());
    TabletEntry t = tablet(log, 1);
    assertEquals(List.of("n2", "n3", "n4"), t.getReplicasList());
    assertEquals("n2", t.getLeaderHint());
    assertEquals(3, t.getEpoch());
  }

  @Test
  void aDownReplicaIsRemovedFromTheGroupButNotCalled() {
    log.setNowSeconds(5);
    for (String n : List.of("n1", "n2", "n4", "n5")) {
      heartbeat(log, n);
    }

    executor.execute(op(1, new Step.RemoveReplica("n3"))).join();

    assertEquals(List.of("ChangeReplicas t1 [n1, n2]"), tablets.calls());
    assertEquals(List.of("n1", "n2"), tablet(log, 1).getReplicasList());
  }

  @Test
  void transferLeaderCommitsTheNewHintWithoutAnEpochChange() {
    executor
        .execute(
            Operator.of(
                1, 1, OperatorKind.BALANCE_LEADER, "test", new Step.TransferLeader("n1", "n3")))
        .join();

    assertEquals(List.of("TransferLeader t1 to n3"), tablets.calls());
    assertEquals("n3", tablet(log, 1).getLeaderHint());
    assertEquals(1, tablet(log, 1).getEpoch());
  }

  @Test
  void aStaleOperatorDoesNotRun() {
    CesiumException e = failure(op(0, new Step.AddReplica("n4")));

    assertEquals(ErrorCode.TABLET_MOVED, e.code());
    assertEquals(List.of(), tablets.calls());
    assertEquals(1, tablet(log, 1).getEpoch());
  }

  @Test
  void aFailedMembershipChangeLeavesTheDirectoryAlone() {
    tablets.fail("ChangeReplicas", () -> new CesiumException(ErrorCode.UNAVAILABLE, "no leader"));

    CesiumException e = failure(op(1, new Step.AddReplica("n4")));

    assertEquals(ErrorCode.UNAVAILABLE, e.code());
    assertEquals(List.of("n1", "n2", "n3"), tablet(log, 1).getReplicasList());
    assertEquals(1, tablet(log, 1).getEpoch());
  }

  @Test
  void noReplicaGoesToANodeThatIsNotUp() {
    log.setNowSeconds(5);
    for (String n : List.of("n1", "n2", "n3", "n5")) {
      heartbeat(log, n);
    }

    assertEquals(ErrorCode.UNAVAILABLE, failure(op(1, new Step.AddReplica("n4"))).code());
    assertEquals(ErrorCode.INVALID_ARGUMENT, failure(op(1, new Step.AddReplica("n2"))).code());
    assertEquals(List.of(), tablets.calls());
  }

  @Test
  void aFollowerRunsNothing() {
    log.setLeader(false);

    assertEquals(ErrorCode.NOT_LEADER, failure(op(1, new Step.AddReplica("n4"))).code());
    assertEquals(List.of(), tablets.calls());
  }

  private CesiumException failure(Operator op) {
    CompletionException e =
        assertThrows(CompletionException.class, () -> executor.execute(op).join());
    return CesiumException.from(e.getCause());
  }
}
