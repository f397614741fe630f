package io.cesiumdb.tests.consistency;

import io.cesiumdb.server.fault.FaultAdminClient;
import io.cesiumdb.server.fault.NodeProcesses;
import io.cesiumdb.server.node.AdminBootstrap;
import io.cesiumdb.server.rpc.PdClient;
import io.cesiumdb.server.workload.WorkloadResult;
import io.cesiumdb.server.workload.WorkloadRunner;
import io.cesiumdb.server.workload.WorkloadSpec;
import io.cesiumdb.server.workload.nemesis.Nemeses;
import io.cesiumdb.server.workload.nemesis.Nemesis;
import io.cesiumdb.server.workload.nemesis.NemesisTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A 3-node cluster of node processes (PD on every node, simulated clocks) with the bootstrap user,
 * and the one way this suite runs a workload on it.
 */
final class ConsistencyCluster implements AutoCloseable {
  static final String PASSWORD = "consistency-suite-password";
  private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(90);

  /** Histories and plots of every run, kept after the test for inspection. */
  static final Path OUTPUT = Path.of("target", "consistency");

  private final NodeProcesses nodes;
  private final Path dir;

  private ConsistencyCluster(NodeProcesses nodes, Path dir) {
    this.nodes = nodes;
    this.dir = dir;
  }

  /**
   * Starts the cluster under {@code dir}.
   *
   * @param epsilonMs a fixed ε for every simulated clock, 0 = Spanner's 1-7 ms sawtooth
   * @param commitWait false only for the negative control
   */
  static ConsistencyCluster start(Path dir, double epsilonMs, boolean commitWait) {
    NodeProcesses nodes =
        NodeProcesses.builder(dir.resolve("nodes"))
            .nodes(3)
            .withPlacementDriver()
            .epsilonMillis(epsilonMs)
            .unsafeDisableCommitWait(!commitWait)
            .start();
    try (PdClient pd = new PdClient("consistency-suite", nodes.rpcAddresses(), ADMIN_TIMEOUT)) {
      AdminBootstrap.ensure(pd, PASSWORD, ADMIN_TIMEOUT);
    } catch (RuntimeException e) {
      nodes.close();
      throw e;
    }
    return new ConsistencyCluster(nodes, dir);
  }

  String url() {
    return "jdbc:cesium://" + String.join(",", nodes.rpcAddresses()) + "/";
  }

  /** A client of node {@code nodeId}'s fault admin. */
  FaultAdminClient admin(String nodeId) {
    return new FaultAdminClient(nodes.member(nodeId).rpcAddress());
  }

  /** The nemeses named by {@code csv}, acting on this cluster (kill included). */
  List<Nemesis> nemeses(String csv, long seed) {
    return Nemeses.parse(csv, new NemesisTarget(nodes.rpcAddresses(), Optional.of(nodes), seed));
  }

  /** A spec with this cluster's URL and user, the suite's sizes, output under {@link #OUTPUT}. */
  WorkloadSpec.Builder spec(String workload, String runName, long seed) {
    Path out = OUTPUT;
    return WorkloadSpec.builder(workload)
        .url(url())
        .credentials(AdminBootstrap.ADMIN_USER, PASSWORD)
        .processes(4, 2)
        .accounts(20, 0)
        .seed(seed)
        .fresh(true)
        .timestamps(true)
        .output(out.resolve(runName + ".jsonl"), out.resolve(runName + ".png"));
  }

  WorkloadResult run(WorkloadSpec spec, List<Nemesis> nemeses) {
    return WorkloadRunner.run(spec, nemeses);
  }

  @Override
  public void close() {
    nodes.close();
  }
}
