package io.cesiumdb.server.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.server.demo.LocalCluster;
import io.cesiumdb.server.node.AdminCredentials;
import io.cesiumdb.server.workload.report.Summary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each workload for a few seconds, no nemesis, against 3 nodes in this JVM through the JDBC driver
 * (connections spread over the nodes): the verdict is valid, writes and reads both completed ok,
 * and the history and the PNG plot were written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class WorkloadOnLocalClusterIT {
  @TempDir static Path dir;
  private LocalCluster cluster;
  private AdminCredentials admin;

  @BeforeAll
  void start() throws Exception {
    cluster =
        LocalCluster.builder()
            .nodes(3)
            .dataDir(dir.resolve("data"))
            .pdConfig(c -> c.withPasswordHashIterations(1_000))
            .start();
    cluster.awaitJoined(Duration.ofSeconds(60));
    admin = cluster.bootstrapAdmin(Duration.ofSeconds(60));
  }

  @AfterAll
  void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  /** A 5 s run of {@code name} on fresh tables: 4 writers, 2 readers, 20 accounts. */
  private WorkloadSpec.Builder shortRun(String name) {
    return WorkloadSpec.builder(name)
        .url(url())
        .credentials(admin.user(), admin.password())
        .duration(Duration.ofSeconds(5))
        .processes(4, 2)
        .accounts(20, 0)
        .fresh(true);
  }

  private String url() {
    return "jdbc:cesium://"
        + cluster.nodeIds().stream()
            .map(id -> cluster.config(id).rpcAddress())
            .collect(Collectors.joining(","))
        + "/";
  }

  @ParameterizedTest
  @ValueSource(strings = {"bank", "realtime", "monotonic"})
  void runsValidWithOkWritesAndReadsAndWritesHistoryAndPlot(String name) throws Exception {
    Path history = dir.resolve(name + ".jsonl");
    Path plot = dir.resolve(name + ".png");
    WorkloadSpec spec = shortRun(name).output(history, plot).seed(42).build();

    WorkloadResult result = WorkloadRunner.run(spec, List.of());

    String summary = String.join("\n", Summary.lines(result, Workloads.create(spec).writeF()));
    System.out.println(summary);
    assertTrue(result.valid(), summary);
    assertTrue(result.stats().writes().ok() > 0, summary);
    assertTrue(result.stats().reads().ok() > 0, summary);
    assertEquals(0, result.nemesisEvents());
    assertTrue(Files.readAllLines(history).size() > 4, "history lines");
    assertTrue(Files.readString(history).contains("\"process\":\"final\""), "final read recorded");
    byte[] png = Files.readAllBytes(plot);
    assertTrue(png.length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "a PNG");
  }

  /**
   * With timestamps recorded, every ok op carries its commit or snapshot timestamp ({@code SHOW
   * COMMIT_TIMESTAMP / READ_TIMESTAMP} after it), and they follow real time (the run's own
   * timestamp-order check, part of its verdict, found nothing).
   */
  @Test
  void recordsTheCommitOrSnapshotTimestampOfEveryOkOp() throws Exception {
    Path history = dir.resolve("bank-ts.jsonl");
    WorkloadSpec spec = shortRun("bank").output(history, null).seed(43).timestamps(true).build();

    WorkloadResult result = WorkloadRunner.run(spec, List.of());

    assertTrue(result.valid(), result.anomalies().toString());
    List<String> ok =
        Files.readAllLines(history).stream()
            .filter(l -> l.contains("\"type\":\"ok\"") && !l.contains("\"final\""))
            .toList();
    assertTrue(ok.size() > 10, "ok ops: " + ok.size());
    assertEquals(
        List.of(), ok.stream().filter(l -> !l.contains("\"db_ts\":")).toList(), "unstamped");
  }
}
