package io.cesiumdb.pd.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.common.net.PortAllocator;
import io.cesiumdb.pd.tabletclient.FakeTabletAdmin;
import io.cesiumdb.proto.placement.ColumnDef;
import io.cesiumdb.proto.placement.ColumnType;
import io.cesiumdb.proto.placement.CreateSchema;
import io.cesiumdb.proto.placement.CreateTable;
import io.cesiumdb.proto.placement.Heartbeat;
import io.cesiumdb.proto.placement.MetaCommand;
import io.cesiumdb.proto.placement.RegisterNode;
import io.cesiumdb.proto.placement.ReplicaList;
import io.cesiumdb.proto.placement.TableDef;
import io.cesiumdb.proto.placement.TabletReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The controller as a node runs it: a real (one-member) PD group, the ticker on, a fake tablet
 * side, the PD's clock under the test's control. n1 stops heartbeating; its replica is replaced.
 */
class ControllerOnLeaderTest {
  @TempDir Path dir;

  @Test
  void theLeadersControllerReplacesADeadNodesReplica() throws Exception {
    AtomicLong clock = new AtomicLong(1_000_000_000L);
    FakeTabletAdmin tablets = new FakeTabletAdmin();
    int port = PortAllocator.pickLoopback();
    PdPeer self = new PdPeer("pd1", "127.0.0.1:" + port, "");
    PlacementDriverConfig config =
        PlacementDriverConfig.of("pd1", "127.0.0.1", port, dir, List.of(self), PdTuning.forTests())
            .withClockMicros(clock::get)
            .withDeadNodeTimeout(Duration.ofSeconds(2))
            .withScheduleInterval(Duration.ofMillis(20));
    try (PlacementDriver pd = PlacementDriver.start(config, tablets)) {
      PdCluster.await("leadership", Duration.ofSeconds(10), pd::isReadyLeader);
      for (String n : List.of("n1", "n2", "n3", "n4")) {
        submit(pd, register(n, clock.get()));
      }
      submit(
          pd,
          MetaCommand.newBuilder()
              .setCreateSchema(CreateSchema.newBuilder().setName("app"))
              .build());
      submit(pd, createTable(List.of("n1", "n2", "n3")));
      // Time passes in 100 ms steps; n2..n4 heartbeat at each, n1 never again. n1 is DOWN 2 s
      // after its registration, and the controller acts 2 s after its first round as leader.
      PdCluster.await(
          "n1's replica replaced",
          Duration.ofSeconds(20),
          () -> {
            clock.addAndGet(100_000L);
            List.of("n2", "n3", "n4")
                .forEach(n -> submitUnchecked(pd, heartbeat(pd, n, clock.get())));
            return pd.readLocal(s -> s.tablet(1).orElseThrow().getReplicasList())
                .equals(List.of("n2", "n3", "n4"));
          });
      assertTrue(tablets.calls().contains("CreateReplica t1 on n4 [n1, n2, n3, n4]"));
      assertEquals(List.of(), tablets.calls("RemoveReplica"));
      assertTrue(pd.controller().isPresent());
    }
  }

  private static void submit(PlacementDriver pd, MetaCommand cmd) throws Exception {
    assertTrue(pd.submit(cmd).get(10, TimeUnit.SECONDS).isOk(), cmd::toString);
  }

  private static void submitUnchecked(PlacementDriver pd, MetaCommand cmd) {
    try {
      submit(pd, cmd);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static MetaCommand register(String node, long micros) {
    return MetaCommand.newBuilder()
        .setRegisterNode(
            RegisterNode.newBuilder()
                .setNodeId(node)
                .setRpcAddress(node + ":7000")
                .setRaftAddress(node + ":7001")
                .setTimeMicros(micros))
        .build();
  }

  /** A heartbeat reporting the tablets the directory places on {@code node} (a healthy node). */
  private static MetaCommand heartbeat(PlacementDriver pd, String node, long micros) {
    List<TabletReport> hosted =
        pd.readLocal(s -> s.snapshot().getTabletsList()).stream()
            .filter(t -> t.getReplicasList().contains(node))
            .map(t -> TabletReport.newBuilder().setTabletId(t.getTabletId()).build())
            .toList();
    return MetaCommand.newBuilder()
        .setHeartbeat(
            Heartbeat.newBuilder().setNodeId(node).setTimeMicros(micros).addAllTablets(hosted))
        .build();
  }

  private static MetaCommand createTable(List<String> replicas) {
    TableDef def =
        TableDef.newBuilder()
            .setSchema("app")
            .setName("t")
            .addColumns(ColumnDef.newBuilder().setName("id").setType(ColumnType.BIGINT))
            .addPrimaryKey("id")
            .build();
    return MetaCommand.newBuilder()
        .setCreateTable(
            CreateTable.newBuilder()
                .setTable(def)
                .addPlacements(ReplicaList.newBuilder().addAllNodeIds(replicas)))
        .build();
  }
}
