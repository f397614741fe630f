package io.cesiumdb.pd.service;

import io.cesiumdb.pd.auth.PasswordHasher;
import io.cesiumdb.pd.cluster.LivenessPolicy;
import io.cesiumdb.pd.controller.ControllerConfig;
import io.cesiumdb.truetime.TimeSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * How to start one placement-driver member.
 *
 * @param nodeId this member's node id; must be one of {@code peers}
 * @param host interface the Ratis server binds
 * @param raftPort port of this member's own Ratis server (0 = a free port; only sensible for a
 *     single-member group, since peers must know each other's addresses up front)
 * @param dataDir root of the member's durable state: {@code raft/} (log, snapshots) and {@code
 *     raft-removed/}
 * @param peers every PD member, this one included (three in production; one or two in a small
 *     cluster)
 * @param tuning Ratis settings
 * @param liveness heartbeat age → UP/SUSPECT/DOWN, used when placing new tablets and by the
 *     controller; its {@code downAfter} is the dead-node timeout (default 30 s)
 * @param clockMicros wall-clock microseconds the leader stamps into RegisterNode and Heartbeat
 *     commands (the state machine never reads a clock)
 * @param controller the leader's operator controller, split flow and tablet RPC knobs ({@link
 *     ControllerConfig#DEFAULT}: on, 1 s rounds, 4 in flight, auto-split above 64 MiB, 10 s per
 *     tablet RPC, replica report grace = the dead-node timeout)
 * @param passwordHashIterations PBKDF2 rounds for credentials the leader creates ({@link
 *     PasswordHasher#DEFAULT_ITERATIONS}; tests lower it, existing users keep their own count)
 */
public record PlacementDriverConfig(
    String nodeId,
    String host,
    int raftPort,
    Path dataDir,
    List<PdPeer> peers,
    PdTuning tuning,
    LivenessPolicy liveness,
    LongSupplier clockMicros,
    ControllerConfig controller,
    int passwordHashIterations) {

  public PlacementDriverConfig {
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(tuning, "tuning");
    Objects.requireNonNull(liveness, "liveness");
    Objects.requireNonNull(clockMicros, "clockMicros");
    Objects.requireNonNull(controller, "controller");
    peers = List.copyOf(peers);
    if (passwordHashIterations < 1) {
      throw new IllegalArgumentException("passwordHashIterations must be >= 1");
    }
    if (raftPort < 0 || raftPort > 65535) {
      throw new IllegalArgumentException("bad raftPort " + raftPort);
    }
    if (peers.stream().map(PdPeer::nodeId).distinct().count() != peers.size()) {
      throw new IllegalArgumentException("duplicate PD peer ids in " + peers);
    }
    if (peers.stream().noneMatch(p -> p.nodeId().equals(nodeId))) {
      throw new IllegalArgumentException("node " + nodeId + " is not among the PD peers " + peers);
    }
  }

  /** The config with the default password hashing. */
  public PlacementDriverConfig(
      String nodeId,
      String host,
      int raftPort,
      Path dataDir,
      List<PdPeer> peers,
      PdTuning tuning,
      LivenessPolicy liveness,
      LongSupplier clockMicros,
      ControllerConfig controller) {
    this(
        nodeId,
        host,
        raftPort,
        dataDir,
        peers,
        tuning,
        liveness,
        clockMicros,
        controller,
        PasswordHasher.DEFAULT_ITERATIONS);
  }

  /** The config without controller settings: {@link ControllerConfig#DEFAULT}. */
  public PlacementDriverConfig(
      String nodeId,
      String host,
      int raftPort,
      Path dataDir,
      List<PdPeer> peers,
      PdTuning tuning,
      LivenessPolicy liveness,
      LongSupplier clockMicros) {
    this(
        nodeId,
        host,
        raftPort,
        dataDir,
        peers,
        tuning,
        liveness,
        clockMicros,
        ControllerConfig.DEFAULT,
        PasswordHasher.DEFAULT_ITERATIONS);
  }

  /**
   * A config with the default liveness policy (suspect after 10 s, dead after 30 s), the default
   * controller and truetime's system time source (never the raw wall clock: an ArchUnit rule keeps
   * wall-clock reads inside truetime).
   */
  public static PlacementDriverConfig of(
      String nodeId, String host, int raftPort, Path dataDir, List<PdPeer> peers, PdTuning tuning) {
    return new PlacementDriverConfig(
        nodeId,
        host,
        raftPort,
        dataDir,
        peers,
        tuning,
        LivenessPolicy.DEFAULT,
        TimeSource.system()::nowMicros,
        ControllerConfig.DEFAULT,
        PasswordHasher.DEFAULT_ITERATIONS);
  }

  public PlacementDriverConfig withLiveness(LivenessPolicy policy) {
    return new PlacementDriverConfig(
        nodeId,
        host,
        raftPort,
        dataDir,
        peers,
        tuning,
        policy,
        clockMicros,
        controller,
        passwordHashIterations);
  }

  public PlacementDriverConfig withClockMicros(LongSupplier clock) {
    return new PlacementDriverConfig(
        nodeId,
        host,
        raftPort,
        dataDir,
        peers,
        tuning,
        liveness,
        clock,
        controller,
        passwordHashIterations);
  }

  public PlacementDriverConfig withController(ControllerConfig c) {
    return new PlacementDriverConfig(
        nodeId,
        host,
        raftPort,
        dataDir,
        peers,
        tuning,
        liveness,
        clockMicros,
        c,
        passwordHashIterations);
  }

  /**
   * PBKDF2 rounds for the credentials CreateUser stores (default {@link
   * PasswordHasher#DEFAULT_ITERATIONS}, about 0.2 s per hash; tests use ~1,000). Existing users
   * keep the count they were created with.
   */
  public PlacementDriverConfig withPasswordHashIterations(int iterations) {
    return new PlacementDriverConfig(
        nodeId,
        host,
        raftPort,
        dataDir,
        peers,
        tuning,
        liveness,
        clockMicros,
        controller,
        iterations);
  }

  /**
   * A node whose last heartbeat is at least this old is DOWN and its replicas are replaced (default
   * 30 s): the liveness policy's {@code downAfter}. The suspect threshold (no new work) is lowered
   * to it if it was higher.
   */
  public PlacementDriverConfig withDeadNodeTimeout(Duration timeout) {
    Duration suspect =
        liveness.suspectAfter().compareTo(timeout) > 0 ? timeout : liveness.suspectAfter();
    return withLiveness(new LivenessPolicy(suspect, timeout));
  }

  public Duration deadNodeTimeout() {
    return liveness.downAfter();
  }

  /** Time between two scheduling rounds on the PD leader (default 1 s). */
  public PlacementDriverConfig withScheduleInterval(Duration interval) {
    return withController(controller.withScheduleInterval(interval));
  }

  /** Operators and auto-splits the controller runs at once (default 4; one per tablet). */
  public PlacementDriverConfig withMaxInFlightOperators(int max) {
    return withController(controller.withMaxInFlightOperators(max));
  }

  /** Leader-reported size above which a tablet is split (default 64 MiB; 0 = never). */
  public PlacementDriverConfig withSplitThresholdBytes(long bytes) {
    return withController(controller.withSplitThresholdBytes(bytes));
  }

  /** Whether the PD leader runs the operator controller at all (default true). */
  public PlacementDriverConfig withControllerEnabled(boolean enabled) {
    return withController(controller.withEnabled(enabled));
  }

  /** Deadline of one tablet admin RPC (default 10 s). */
  public PlacementDriverConfig withTabletRpcTimeout(Duration timeout) {
    return withController(controller.withTabletRpcTimeout(timeout));
  }

  /**
   * How long a replica may go unreported by its live node, or a node may report a replica the
   * directory does not place on it, before the leader replaces or removes it (default: the
   * dead-node timeout).
   */
  public PlacementDriverConfig withReplicaReportGrace(Duration grace) {
    return withController(controller.withReplicaReportGrace(grace));
  }

  public Path raftDir() {
    return dataDir.resolve("raft");
  }

  public Path removedGroupsDir() {
    return dataDir.resolve("raft-removed");
  }

  public Optional<PdPeer> peer(String id) {
    return peers.stream().filter(p -> p.nodeId().equals(id)).findFirst();
  }
}
