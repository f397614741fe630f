package io.cesiumdb.tests.slt;

import io.cesiumdb.server.demo.LocalCluster;
import io.cesiumdb.server.node.AdminCredentials;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * A 3-node in-process cluster for the conformance runs, with the admin user bootstrapped (cheap
 * password hashing: these are tests) and a JDBC URL listing every node.
 */
final class SltCluster implements AutoCloseable {
  private final LocalCluster cluster;
  private final AdminCredentials admin;

  private SltCluster(LocalCluster cluster, AdminCredentials admin) {
    this.cluster = cluster;
    this.admin = admin;
  }

  /** Starts the nodes under {@code dataDir} and waits until all joined and the admin exists. */
  static SltCluster start(Path dataDir)
      throws InterruptedException, ExecutionException, TimeoutException {
    LocalCluster cluster =
        LocalCluster.builder()
            .nodes(3)
            .dataDir(dataDir)
            .pdConfig(c -> c.withPasswordHashIterations(1_000))
            .start();
    try {
      cluster.awaitJoined(Duration.ofSeconds(60));
      return new SltCluster(cluster, cluster.bootstrapAdmin(Duration.ofSeconds(60)));
    } catch (InterruptedException | ExecutionException | TimeoutException | RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  /** The JDBC URL listing every node, and the admin's login. */
  SltTarget target() {
    String hosts =
        cluster.nodeIds().stream()
            .map(id -> cluster.config(id).rpcAddress())
            .collect(Collectors.joining(","));
    return new SltTarget("jdbc:cesium://" + hosts + "/", admin.user(), admin.password());
  }

  @Override
  public void close() {
    cluster.close();
  }
}
