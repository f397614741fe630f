package io.cesiumdb.server.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.pd.cluster.NodeState;
import io.cesiumdb.pd.service.PlacementDriver;
import io.cesiumdb.proto.placement.NodeEntry;
import io.cesiumdb.proto.placement.TableDef;
import io.cesiumdb.proto.placement.TabletEntry;
import io.cesiumdb.server.Await;
import io.cesiumdb.server.Main;
import io.cesiumdb.server.TestTables;
import io.cesiumdb.server.demo.LocalCluster;
import io.cesiumdb.server.node.Node;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code cesium status} against a real 3-node in-process cluster with one 4-tablet table: every
 * node's row shows the directory's replica and leader counts; heartbeats carry disk use and the
 * per-tablet leadership that fills the directory's leader hints.
 */
class ClusterStatusIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path dir;

  @Test
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  void statusShowsTheDirectorysCountsPerNode() throws Exception {
    try (LocalCluster cluster =
        LocalCluster.builder()
            .nodes(3)
            .dataDir(dir)
            .heartbeatInterval(Duration.ofMillis(200))
            .start()) {
      for (Node n : cluster.nodes()) {
        n.joined().get(60, TimeUnit.SECONDS);
      }
      String n1 = cluster.config("n1").rpcAddress();
      assertEquals(4, TestTables.create(n1, "orders", 3).getTabletsCount());

      ClusterStatusReader reader = ClusterStatusReader.defaults();
      Await.until(
          "every tablet's leader known through heartbeats",
          WAIT,
          () -> reader.read(n1).leadersKnown() == 4,
          () -> StatusTable.render(reader.read(n1)));
      String n2 = cluster.config("n2").rpcAddress();
      Await.until(
          "status rows equal the directory's counts",
          WAIT,
          () -> matches(reader.read(n2), directoryCounts(leader(cluster))),
          () -> StatusTable.render(reader.read(n2)));
      ClusterStatus status = reader.read(n2);
      Map<String, int[]> expected = directoryCounts(leader(cluster));

      assertEquals(1, status.tables());
      assertEquals(4, status.tablets());
      assertEquals(12, status.replicas());
      assertEquals(
          List.of("n1", "n2", "n3"), status.nodes().stream().map(r -> r.nodeId()).toList());
      for (ClusterStatus.NodeRow row : status.nodes()) {
        assertEquals(NodeState.UP, row.state(), row.toString());
        assertTrue(row.diskUsedBytes() > 0, "heartbeat reports disk use: " + row);
      }
      assertEquals(leader(cluster).nodeId(), status.leaderNodeId());
      assertHeartbeatCounts(leader(cluster));

      String out = runStatus(cluster.config("n3").rpcAddress());
      for (String id : List.of("n1", "n2", "n3")) {
        int tablets = expected.get(id)[0];
        assertTrue(
            out.matches("(?s).*\\n" + id + " +\\S+ +up +[0-9.]+ s ago +" + tablets + " +\\d+ .*"),
            "row of " + id + " with " + tablets + " tablets:\n" + out);
      }
      assertTrue(out.contains("placement driver leader: " + status.leaderNodeId()), out);
      assertTrue(out.contains("3 nodes (3 up), 1 tables, 4 tablets"), out);
    }
  }

  private static boolean matches(ClusterStatus status, Map<String, int[]> expected) {
    return status.nodes().size() == expected.size()
        && status.nodes().stream()
            .allMatch(
                r ->
                    r.tablets() == expected.get(r.nodeId())[0]
                        && r.leaders() == expected.get(r.nodeId())[1]);
  }

  /**
   * The nodes' own heartbeat counts (NodeEntry) agree with the directory, both read fresh on every
   * poll: the controller may move leaders meanwhile (leader balance).
   */
  private static void assertHeartbeatCounts(PlacementDriver pd) {
    Await.until(
        "heartbeat counts match the directory",
        WAIT,
        () -> {
          Map<String, int[]> expected = directoryCounts(pd);
          return pd.readLocal(s -> s.nodes()).stream()
              .allMatch(
                  n ->
                      n.getTabletCount() == expected.get(n.getNodeId())[0]
                          && n.getLeaderCount() == expected.get(n.getNodeId())[1]);
        },
        () -> pd.readLocal(s -> s.nodes()).toString());
    for (NodeEntry n : pd.readLocal(s -> s.nodes())) {
      assertTrue(n.getDiskUsedBytes() > 0, n.toString());
    }
  }

  /** Node id → {replicas, leader hints} from the leader's applied directory. */
  private static Map<String, int[]> directoryCounts(PlacementDriver pd) {
    return pd.readLocal(
        s -> {
          Map<String, int[]> counts = new HashMap<>();
          s.nodes().forEach(n -> counts.put(n.getNodeId(), new int[2]));
          for (String schema : s.schemas()) {
            for (TableDef t : s.tables(schema)) {
              for (TabletEntry e : s.tablets(t.getTableId())) {
                e.getReplicasList().forEach(r -> counts.get(r)[0]++);
                if (!e.getLeaderHint().isEmpty()) {
                  counts.get(e.getLeaderHint())[1]++;
                }
              }
            }
          }
          return counts;
        });
  }

  private static PlacementDriver leader(LocalCluster cluster) {
    return cluster.nodes().stream()
        .flatMap(n -> n.placementDriver().stream())
        .filter(PlacementDriver::isLeader)
        .findFirst()
        .orElseThrow();
  }

  private static String runStatus(String url) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    assertEquals(0, cl.execute("status", "--url", url), err.toString());
    return out.toString();
  }
}
