package io.cesiumdb.pd.controller;

import static io.cesiumdb.pd.controller.Commands.heartbeat;
import static io.cesiumdb.pd.controller.Commands.hosts;
import static io.cesiumdb.pd.controller.Commands.nodes;
import static io.cesiumdb.pd.controller.Commands.table;
import static io.cesiumdb.pd.controller.Commands.tablet;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.ByteString;
import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.pd.cluster.LivenessPolicy;
import io.cesiumdb.pd.tabletclient.FakeTabletAdmin;
import io.cesiumdb.proto.placement.TabletReport;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Lost replicas on live nodes and orphan replicas, against an in-memory PD log and a fake tablet
 * side. Time is the log's clock in seconds; the report grace is 3 s, the dead-node timeout 20 s
 * (nobody goes DOWN here). The controller leads from t=0, when nothing has been reported yet.
 *
 * <pre>
 * tablet  replicas (first = leader)   healthy reports: n1 {1,3,4,5}  n2 {1,2,4,5}
 *   1     n1 n2 n3                                   n3 {1,2,3,5}  n4 {2,3,4}
 *   2     n2 n3 n4                  (balanced: no balance operator interferes)
 *   3     n3 n4 n1
 *   4     n4 n1 n2
 *   5     n1 n2 n3
 * </pre>
 */
class ReplicaReportGcTest {
  private static final List<String> NODES = List.of("n1", "n2", "n3", "n4");
  private static final LivenessPolicy LIVENESS =
      new LivenessPolicy(Duration.ofSeconds(10), Duration.ofSeconds(20));
  private static final ControllerConfig CONFIG =
      ControllerConfig.DEFAULT.withReplicaReportGrace(Duration.ofSeconds(3));

  private final InMemoryMetaLog log = new InMemoryMetaLog();
  private final FakeTabletAdmin tablets = new FakeTabletAdmin();
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final LeaderContext ctx = new LeaderContext(log, tablets, LIVENESS, CONFIG);
  private final SplitFlow splits = new SplitFlow(ctx, pool);
  private final OperatorController controller =
      new OperatorController(ctx, new TabletOperatorExecutor(ctx, pool), splits, "test");

  @BeforeEach
  void fiveTablets() {
    nodes(log, NODES.toArray(String[]::new));
    table(
        log,
        "t",
        List.of(
            List.of("n1", "n2", "n3"),
            List.of("n2", "n3", "n4"),
            List.of("n3", "n4", "n1"),
            List.of("n4", "n1", "n2"),
            List.of("n1", "n2", "n3")));
    assertEquals(List.of(), controller.runOnce(), "t=0: leads from now, nothing reported yet");
  }

  @AfterEach
  void tearDown() {
    controller.close();
    pool.shutdownNow();
  }

  /**
   * At {@code seconds} every node heartbeats its placements, changed by {@code edits}; then one
   * controller round (as the ticker would run), joined. Returns what the round started.
   */
  private List<CompletableFuture<Void>> at(long seconds, Map<String, Set<Long>> edits) {
    log.setNowSeconds(seconds);
    for (String n : NODES) {
      Set<Long> ids = edits.getOrDefault(n, placed(n));
      heartbeat(log, n, ids.stream().map(id -> hosts(id)).toArray(TabletReport[]::new));
    }
    List<CompletableFuture<Void>> started = controller.runOnce();
    started.forEach(f -> f.handle((v, t) -> null).join());
    return started;
  }

  private Set<Long> placed(String node) {
    Set<Long> ids = new TreeSet<>();
    for (long id = 1; id <= 5; id++) {
      if (tablet(log, id).getReplicasList().contains(node)) {
        ids.add(id);
      }
    }
    return ids;
  }

  private Map<String, Set<Long>> edit(String node, long add, long drop) {
    Set<Long> ids = new TreeSet<>(placed(node));
    ids.add(add);
    ids.remove(drop);
    Map<String, Set<Long>> out = new HashMap<>();
    out.put(node, ids);
    return out;
  }

  private Map<String, Set<Long>> n2Misses5() {
    return edit("n2", 1, 5);
  }

  private Map<String, Set<Long>> n4Hosts5() {
    return edit("n4", 5, 0);
  }

  private static final Map<String, Set<Long>> HEALTHY = Map.of();

  @Test
  void aReplicaItsLiveNodeStopsReportingIsReplacedAfterTheGrace() {
    assertEquals(List.of(), at(1, n2Misses5()));
    assertEquals(List.of(), at(3, n2Misses5()), "t=3: missing for 3 s, not longer than the grace");

    assertEquals(1, at(4, n2Misses5()).size());

    assertEquals(List.of("n1", "n3", "n4"), tablet(log, 5).getReplicasList());
    assertEquals(
        List.of("CreateReplica t5 on n4 [n1, n2, n3, n4]"), tablets.calls("CreateReplica"));
    assertEquals(List.of("RemoveReplica t5 on n2"), tablets.calls("RemoveReplica"));
    assertEquals(List.of(), at(5, HEALTHY));
    assertEquals(List.of(), at(9, HEALTHY), "quiet once repaired (n4 reports its new replica)");
  }

  @Test
  void aReplicaReportedAgainStartsANewGrace() {
    at(1, n2Misses5());
    at(2, HEALTHY); // reported again: forgotten
    at(3, n2Misses5()); // missing since t=3

    assertEquals(List.of(), at(6, n2Misses5()), "t=6: 3 s since it went missing again");
    assertEquals(List.of(), tablets.calls());
    assertEquals(1, at(7, n2Misses5()).size(), "t=7: past the new grace");
  }

  @Test
  void aReplicaReportedForeverIsNeverReplaced() {
    for (long t = 1; t <= 10; t++) {
      assertEquals(List.of(), at(t, HEALTHY), "t=" + t);
    }
    assertEquals(List.of(), tablets.calls());
  }

  @Test
  void anOrphanReplicaGetsOneRemoveReplicaPerOccurrence() {
    assertEquals(List.of(), at(1, n4Hosts5()));
    assertEquals(List.of(), at(4, n4Hosts5()), "t=4: an orphan for 3 s, not longer than the grace");
    assertEquals(1, at(5, n4Hosts5()).size());
    assertEquals(List.of(), at(6, n4Hosts5()), "sent once for this occurrence");
    assertEquals(List.of(), at(10, n4Hosts5()));
    assertEquals(List.of("RemoveReplica t5 on n4"), tablets.calls("RemoveReplica"));

    at(11, HEALTHY); // gone
    assertEquals(List.of(), at(12, n4Hosts5()), "back: a new occurrence");
    assertEquals(1, at(16, n4Hosts5()).size());
    assertEquals(2, tablets.calls("RemoveReplica").size());
    assertEquals(List.of("n1", "n2", "n3"), tablet(log, 5).getReplicasList(), "directory intact");
    assertEquals(List.of(), tablets.calls("ChangeReplicas"));
  }

  @Test
  void aFailedOrphanRemovalIsRetriedAfterAnotherGrace() {
    tablets.fail("RemoveReplica", () -> new CesiumException(ErrorCode.UNAVAILABLE, "down"));
    at(1, n4Hosts5());
    assertEquals(1, at(5, n4Hosts5()).size());
    assertEquals(List.of(), at(6, n4Hosts5()), "failed at t=5: a new grace from t=6");
    assertEquals(List.of(), at(9, n4Hosts5()));
    assertEquals(1, at(10, n4Hosts5()).size());
    assertEquals(2, tablets.calls("RemoveReplica").size());
  }

  @Test
  void aTabletIdTheDirectoryDoesNotKnowIsLeftAlone() {
    at(1, edit("n4", 99, 0));

    assertEquals(List.of(), at(10, edit("n4", 99, 0)));
    assertEquals(List.of(), tablets.calls());
  }

  @Test
  void aTabletWithAnOperationInFlightIsLeftAlone() {
    CompletableFuture<Void> gate = tablets.holdSplits();
    CompletableFuture<SplitFlow.Halves> split = splits.split(5, 0, ByteString.EMPTY);
    Map<String, Set<Long>> both = new HashMap<>(n2Misses5());
    both.putAll(n4Hosts5());
    at(1, both);

    assertEquals(List.of(), at(10, both), "t=10: lost and orphan, but tablet 5 is splitting");
    assertEquals(List.of(), tablets.calls("CreateReplica"));
    assertEquals(List.of(), tablets.calls("RemoveReplica"));
    gate.complete(null);
    split.join();
  }
}
