package io.cesiumdb.server.demo;

import io.cesiumdb.pd.service.PlacementDriverConfig;
import io.cesiumdb.server.node.NodeConfig;
import io.cesiumdb.server.node.NodeOptions;
import io.cesiumdb.truetime.EpsilonModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * Settings of a {@link LocalCluster} before it starts; what {@link LocalCluster#builder()} returns.
 * Defaults: 3 nodes on {@value NodeConfig#DEFAULT_HOST}, free ports (base port 0), data under
 * {@code ./cesium-data}, {@link NodeOptions#simulated()}, {@value LocalCluster#PD_MEMBERS} PD
 * members, Spanner's 1–7 ms sawtooth ε on every simulated clock. Integration tests shorten timeouts
 * through {@link #pdConfig} and {@link #heartbeatInterval}.
 */
public final class LocalClusterBuilder {
  int nodes = 3;
  String host = NodeConfig.DEFAULT_HOST;
  int basePort;
  Path dataDir = Path.of("cesium-data");
  NodeOptions options = NodeOptions.simulated();
  int pdMembers = LocalCluster.PD_MEMBERS;
  String adminPassword;
  EpsilonModel epsilon = EpsilonModel.spannerDefault();

  LocalClusterBuilder() {}

  /** How many nodes start (n1..nN), at least 1. */
  public LocalClusterBuilder nodes(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("need at least one node, got " + count);
    }
    this.nodes = count;
    return this;
  }

  public LocalClusterBuilder host(String host) {
    this.host = Objects.requireNonNull(host, "host");
    return this;
  }

  /** Node i serves RPC on base + i, Raft on base + 100 + i, PD Raft on base + 200 + i; 0 = free. */
  public LocalClusterBuilder basePort(int basePort) {
    this.basePort = basePort;
    return this;
  }

  /** Node i owns {@code dataDir/ni}. */
  public LocalClusterBuilder dataDir(Path dataDir) {
    this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
    return this;
  }

  /** Options of every node (the clock is made simulated; PD peers are set by the cluster). */
  public LocalClusterBuilder options(NodeOptions options) {
    this.options = Objects.requireNonNull(options, "options");
    return this;
  }

  /** How many of the first nodes run a PD member (all when fewer nodes), at least 1. */
  public LocalClusterBuilder pdMembers(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("need at least one PD member, got " + count);
    }
    this.pdMembers = count;
    return this;
  }

  /** Applied to every PD member's config before it starts (liveness, tuning...). */
  public LocalClusterBuilder pdConfig(
      Function<PlacementDriverConfig, PlacementDriverConfig> customiser) {
    this.options = options.withPdConfig(customiser);
    return this;
  }

  /** How often every node heartbeats to the PD leader. */
  public LocalClusterBuilder heartbeatInterval(Duration interval) {
    this.options = options.withHeartbeatInterval(interval);
    return this;
  }

  /**
   * The password {@link LocalCluster#bootstrapAdmin} gives user {@code cesium}; null (default) = a
   * random one.
   */
  public LocalClusterBuilder adminPassword(String password) {
    if (password != null && password.isEmpty()) {
      throw new IllegalArgumentException("the admin password must not be empty");
    }
    this.adminPassword = password;
    return this;
  }

  /** The ε model of every node's simulated clock. */
  public LocalClusterBuilder epsilon(EpsilonModel model) {
    this.epsilon = Objects.requireNonNull(model, "model");
    return this;
  }

  /** Starts the cluster; see {@link LocalCluster#start(int, String, int, Path)}. */
  public LocalCluster start() {
    return LocalCluster.start(this);
  }
}
