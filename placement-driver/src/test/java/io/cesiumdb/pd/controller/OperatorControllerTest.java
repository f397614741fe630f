package io.cesiumdb.pd.controller;

import static io.cesiumdb.pd.controller.Commands.heartbeat;
import static io.cesiumdb.pd.controller.Commands.hostingHeartbeat;
import static io.cesiumdb.pd.controller.Commands.leader;
import static io.cesiumdb.pd.controller.Commands.nodes;
import static io.cesiumdb.pd.controller.Commands.table;
import static io.cesiumdb.pd.controller.Commands.tablet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.pd.cluster.LivenessPolicy;
import io.cesiumdb.pd.operator.Operator;
import io.cesiumdb.pd.operator.OperatorExecutor;
import io.cesiumdb.pd.tabletclient.FakeTabletAdmin;
import io.cesiumdb.proto.placement.MetaCommand.CommandCase;
import io.cesiumdb.proto.placement.TabletEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The controller's rounds against an in-memory PD log and a fake tablet side; time is the log's
 * clock (seconds), the dead-node timeout 2 s.
 *
 * <pre>
 * tablet  replicas (* = leader)
 *   1     n1*  n2   n5
 *   2     n2*  n3   n5
 *   3     n3*  n4   n5
 *   4     n1   n3   n4*
 * </pre>
 */
class OperatorControllerTest {
  private static final List<String> LIVE = List.of("n1", "n2", "n3", "n4");
  private static final LivenessPolicy LIVENESS =
      new LivenessPolicy(Duration.ofSeconds(1), Duration.ofSeconds(2));

  private final InMemoryMetaLog log = new InMemoryMetaLog();
  private final FakeTabletAdmin tablets = new FakeTabletAdmin();
  private final ExecutorService pool = Executors.newCachedThreadPool();

  @AfterEach
  void tearDown() {
    pool.shutdownNow();
  }

  private void fourTablets() {
    nodes(log, "n1", "n2", "n3", "n4", "n5");
    table(
        log,
        "t",
        List.of(
            List.of("n1", "n2", "n5"),
            List.of("n2", "n3", "n5"),
            List.of("n3", "n4", "n5"),
            List.of("n1", "n3", "n4")));
    leader(log, 1, "n1");
    leader(log, 2, "n2");
    leader(log, 3, "n3");
    leader(log, 4, "n4");
  }

  private OperatorController controller(ControllerConfig config) {
    LeaderContext ctx = new LeaderContext(log, tablets, LIVENESS, config);
    return new OperatorController(
        ctx, new TabletOperatorExecutor(ctx, pool), new SplitFlow(ctx, pool), "test");
  }

  /** n1..n4 heartbeat at {@code seconds}, reporting their placements; n5 stays silent. */
  private void liveAt(long seconds) {
    log.setNowSeconds(seconds);
    LIVE.forEach(n -> hostingHeartbeat(log, n));
  }

  private static void joinAll(List<CompletableFuture<Void>> started) {
    started.forEach(f -> f.handle((v, t) -> null).join());
  }

  @Test
  void replicasOfADeadNodeAreReplacedOnLiveNodes() {
    fourTablets();
    OperatorController controller = controller(ControllerConfig.DEFAULT);
    assertEquals(List.of(), controller.runOnce()); // t=0: leads from now, everyone UP

    liveAt(3); // n5: 3 s without a heartbeat >= 2 s
    for (int round = 0; round < 5; round++) {
      List<CompletableFuture<Void>> started = controller.runOnce();
      joinAll(started);
      if (started.isEmpty()) {
        break;
      }
    }

    for (long id = 1; id <= 4; id++) {
      TabletEntry t = tablet(log, id);
      assertEquals(3, new HashSet<>(t.getReplicasList()).size(), t.toString());
      assertTrue(LIVE.containsAll(t.getReplicasList()), t.toString());
    }
    // Tablet 1: n4 had the fewest tablets among the nodes not holding it.
    assertTrue(tablets.calls().contains("CreateReplica t1 on n4 [n1, n2, n5, n4]"));
    assertTrue(tablets.calls().contains("ChangeReplicas t1 [n1, n2, n5, n4]"));
    assertTrue(tablets.calls().contains("ChangeReplicas t1 [n1, n2, n4]"));
    assertEquals(List.of(), tablets.calls("RemoveReplica"), "n5 is down: never called");
    assertEquals(6, log.committed(CommandCase.UPDATE_REPLICAS).size());
    assertEquals(List.of(), controller.runOnce(), "quiet once repaired");
  }

  @Test
  void aNodeThatFailedToTakeLeadershipGetsNoneUntilItHeartbeatsAgain() {
    nodes(log, "n1", "n2", "n3");
    List<String> all = List.of("n1", "n2", "n3");
    table(log, "t", List.of(all, all, all));
    for (long id = 1; id <= 3; id++) {
      leader(log, id, "n1");
    }
    all.forEach(n -> hostingHeartbeat(log, n));
    tablets.fail("TransferLeader", () -> new CesiumException(ErrorCode.UNAVAILABLE, "gone"));
    OperatorController controller = controller(ControllerConfig.DEFAULT);

    List<CompletableFuture<Void>> first = controller.runOnce();
    joinAll(first);
    assertEquals(2, first.size(), "n1 leads 3, n2 and n3 none: one transfer to each");
    assertEquals(List.of(), controller.runOnce(), "both failed: both cool");

    tablets.heal("TransferLeader");
    log.setNowMillis(100);
    hostingHeartbeat(log, "n3");
    joinAll(controller.runOnce());
    assertEquals("TransferLeader t1 to n3", last(tablets.calls("TransferLeader")), "n3 answered");
    assertEquals(List.of(), controller.runOnce(), "n1=2, n3=1; n2 still cools with 0");

    log.setNowMillis(200);
    hostingHeartbeat(log, "n2");
    joinAll(controller.runOnce());
    assertEquals("TransferLeader t2 to n2", last(tablets.calls("TransferLeader")));
    assertEquals(4, tablets.calls("TransferLeader").size(), tablets.calls().toString());
  }

  private static String last(List<String> calls) {
    return calls.get(calls.size() - 1);
  }

  @Test
  void aNewLeaderWaitsOneDeadTimeoutBeforeReplacingAnything() {
    fourTablets();
    OperatorController controller = controller(ControllerConfig.DEFAULT);
    liveAt(3);

    assertEquals(List.of(), controller.runOnce(), "leads since t=3: n5 only SUSPECT");
    liveAt(4);
    assertEquals(List.of(), controller.runOnce());

    liveAt(5);
    List<CompletableFuture<Void>> started = controller.runOnce();
    joinAll(started);
    assertEquals(3, started.size());
  }

  @Test
  void aFollowersControllerDoesNothing() {
    fourTablets();
    log.setLeader(false);
    OperatorController controller = controller(ControllerConfig.DEFAULT);
    controller.runOnce();
    liveAt(3);

    assertEquals(List.of(), controller.runOnce());
    liveAt(6);
    assertEquals(List.of(), controller.runOnce());
    assertEquals(List.of(), tablets.calls());
  }

  @Test
  void atMostMaxInFlightAndOnePerTablet() {
    fourTablets();
    List<CompletableFuture<Void>> held = new ArrayList<>();
    List<Operator> seen = new ArrayList<>();
    OperatorExecutor holding =
        op -> {
          CompletableFuture<Void> f = new CompletableFuture<>();
          synchronized (held) {
            held.add(f);
            seen.add(op);
          }
          return f;
        };
    LeaderContext ctx =
        new LeaderContext(
            log, tablets, LIVENESS, ControllerConfig.DEFAULT.withMaxInFlightOperators(2));
    OperatorController controller =
        new OperatorController(ctx, holding, new SplitFlow(ctx, pool), "test");
    controller.runOnce();
    liveAt(3);

    assertEquals(2, controller.runOnce().size());
    assertEquals(List.of(), controller.runOnce(), "budget used up");
    held.get(0).complete(null);
    assertEquals(1, controller.runOnce().size());
    assertEquals(3, seen.size());
    assertFalse(seen.get(2).tabletId() == seen.get(1).tabletId(), "one operator per tablet");
    assertEquals(2, controller.inFlight().size());
  }

  @Test
  void aBigTabletIsSplitOnce() {
    nodes(log, "n1", "n2", "n3");
    table(log, "t", List.of(List.of("n1", "n2", "n3")));
    heartbeat(log, "n1", Commands.report(1, 100 * ControllerConfig.MIB));
    OperatorController controller = controller(ControllerConfig.DEFAULT);
    CompletableFuture<Void> gate = tablets.holdSplits();

    List<CompletableFuture<Void>> first = controller.runOnce();
    assertEquals(1, first.size());
    assertEquals(List.of(), controller.runOnce(), "one split per tablet in flight");
    gate.complete(null);
    joinAll(first);

    assertEquals(1, tablets.calls("Split").size());
    assertEquals(2, log.read(s -> s.tablets(1)).size());
    joinAll(controller.runOnce()); // may balance leaders; both halves are below the threshold
    assertEquals(1, tablets.calls("Split").size());
    assertFalse(controller.inFlight().contains(1L));
  }
}
