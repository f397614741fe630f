package io.cesiumdb.server.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.pd.cluster.LivenessPolicy;
import io.cesiumdb.pd.cluster.NodeState;
import io.cesiumdb.proto.placement.TabletReport;
import io.cesiumdb.proto.tablet.ReplicaDescriptor;
import io.cesiumdb.server.Await;
import io.cesiumdb.server.TestTables;
import io.cesiumdb.server.admin.ClusterStatus;
import io.cesiumdb.server.admin.ClusterStatusReader;
import io.cesiumdb.server.admin.StatusTable;
import io.cesiumdb.server.demo.LocalCluster;
import io.cesiumdb.truetime.TimeSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Joining with only a join address: a 3-node cluster runs the PD on all three; n4 knows only n2's
 * address, n5 only n4's (a node without a PD member, which answers GetLeader from its agent). Both
 * end up registered and up; heartbeats carry each replica's descriptor; a node stopped for good
 * cannot be restarted and goes suspect.
 */
class PdJoinIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path dir;

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void nodesJoinThroughAnyNodeAndAreRegisteredUp() throws Exception {
    AtomicInteger customised = new AtomicInteger();
    try (LocalCluster cluster =
        LocalCluster.builder()
            .nodes(3)
            .dataDir(dir)
            .heartbeatInterval(Duration.ofMillis(200))
            .pdConfig(
                c -> {
                  customised.incrementAndGet();
                  return c.withLiveness(
                      new LivenessPolicy(Duration.ofSeconds(2), Duration.ofSeconds(4)));
                })
            .start()) {
      assertEquals(3, customised.get(), "every PD member's config went through the customiser");
      for (Node n : cluster.nodes()) {
        n.joined().get(60, TimeUnit.SECONDS);
      }
      Node n4 = cluster.addNode(List.of(cluster.config("n2").rpcAddress()));
      n4.joined().get(60, TimeUnit.SECONDS);
      Node n5 = cluster.addNode(List.of(n4.address().target()));
      n5.joined().get(60, TimeUnit.SECONDS);
      assertFalse(n5.placementDriver().isPresent());
      assertTrue(n4.knownPdLeader().isPresent());

      ClusterStatusReader reader =
          new ClusterStatusReader(
              TimeSource.system(),
              new LivenessPolicy(Duration.ofSeconds(1), Duration.ofSeconds(20)),
              Duration.ofSeconds(5));
      String viaN5 = n5.address().target();
      Await.until(
          "5 nodes registered and up",
          WAIT,
          () -> allUp(reader.read(viaN5), List.of("n1", "n2", "n3", "n4", "n5")),
          () -> StatusTable.render(reader.read(viaN5)));

      TestTables.create(cluster.config("n1").rpcAddress(), "t", 4);
      for (Node n : cluster.nodes()) {
        Await.until(
            n.config().nodeId() + " reports its replicas with descriptors",
            WAIT,
            () -> reportsCarryDescriptors(n),
            () -> TabletReports.of(n.tablets()).toString());
      }

      cluster.stop("n5");
      assertTrue(cluster.isStopped("n5"));
      assertThrows(IllegalStateException.class, () -> cluster.restart("n5"));
      Await.until(
          "n5 no longer up",
          WAIT,
          () -> reader.read(n4.address().target()).node("n5").orElseThrow().state() != NodeState.UP,
          () -> StatusTable.render(reader.read(n4.address().target())));
    }
  }

  private static boolean allUp(ClusterStatus status, List<String> ids) {
    return status.nodes().stream().map(ClusterStatus.NodeRow::nodeId).toList().equals(ids)
        && status.nodes().stream().allMatch(r -> r.state() == NodeState.UP);
  }

  private static boolean reportsCarryDescriptors(Node n) {
    List<TabletReport> reports = TabletReports.of(n.tablets());
    return reports.size() == n.tablets().hostedTablets().size()
        && !reports.isEmpty()
        && reports.stream()
            .allMatch(
                r ->
                    r.getTablet().getTabletId() == r.getTabletId()
                        && r.getTablet().getReplicasList().stream()
                            .map(ReplicaDescriptor::getNodeId)
                            .anyMatch(n.config().nodeId()::equals));
  }
}
