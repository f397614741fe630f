package io.cesiumdb.tests.sql.dbeaver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.common.net.PortAllocator;
import io.cesiumdb.server.demo.LocalCluster;
import io.cesiumdb.server.node.AdminCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DBeaver's JDBC session (shared/design/dbeaver-jdbc-calls.md) against a real 3-node cluster,
 * through the shaded driver jar in a child JVM that has nothing else on its class path. The cluster
 * runs in this JVM, as in {@code JdbcOverClusterIT}; the child prints a line per step and exits 0
 * only when all of them passed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class DbeaverReplayIT {
  private static final Logger LOG = LoggerFactory.getLogger(DbeaverReplayIT.class);

  /** Every step the replay must report as passed, in order. */
  private static final List<String> STEPS =
      List.of(
          "a0-classpath-is-the-shaded-jar-alone",
          "a1-connect-main-meta-and-editor",
          "a8-commit-and-rollback-with-nothing-open",
          "a11-isvalid-and-close",
          "a4-failover-past-a-dead-first-host",
          "a9-several-connections-at-once",
          "a4-wrong-password-is-28P01",
          "g-feature-probing",
          "b-type-info",
          "b-catalogs-and-schemas",
          "setup-tables-and-rows",
          "b-tables",
          "b-columns",
          "b-composite-primary-key",
          "b-composite-key-index",
          "b-foreign-keys-procedures-table-types",
          "c-max-rows-200-caps-250-rows",
          "c-result-metadata-and-values",
          "c-next-page-and-row-count",
          "d-edit-cell-visible-only-after-commit",
          "d-edit-composite-key-cell",
          "d-rollback-undoes-insert-update-delete",
          "f-autocommit-toggle-commits-and-autocommit-saves",
          "e-script-in-manual-mode-with-errors",
          "e-bad-statement-keeps-autocommit-connection");

  private static final long CHILD_TIMEOUT_SECONDS = 180;

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

  private String url(String... hosts) {
    return "jdbc:cesium://" + String.join(",", hosts) + "/";
  }

  private String rpc(String nodeId) {
    return cluster.config(nodeId).rpcAddress();
  }

  @Test
  void dbeaverSessionPassesThroughTheShadedJarAlone() throws Exception {
    Path jar = ReplayJvm.shadedDriverJar();
    Path classes = ReplayJvm.copyReplayClasses(Files.createDirectories(dir.resolve("replay")));
    String deadHost = "127.0.0.1:" + PortAllocator.pickLoopback(); // nothing listens there
    List<String> args =
        List.of(
            admin.user(),
            admin.password(),
            url(rpc("n1")),
            url(rpc("n2")),
            url(deadHost, rpc("n3")));
    ReplayJvm.Result run =
        ReplayJvm.run(jar, classes, dir.resolve("replay.log"), CHILD_TIMEOUT_SECONDS, args);

    String shown = "driver jar " + jar + "\n--- replay output ---\n" + run.output();
    LOG.info("DBeaver replay exited with {}\n{}", run.exit(), shown);
    List<String> passed =
        run.output()
            .lines()
            .filter(l -> l.startsWith("OK step "))
            .map(ReplayJvm::stepName)
            .toList();
    for (String step : STEPS) {
      assertTrue(passed.contains(step), "step " + step + " did not pass\n" + shown);
    }
    assertEquals(STEPS, passed, "steps passed, in order\n" + shown);
    assertEquals(0, run.exit(), "replay exit code\n" + shown);
    assertTrue(run.output().contains("REPLAY PASSED"), shown);
  }
}
