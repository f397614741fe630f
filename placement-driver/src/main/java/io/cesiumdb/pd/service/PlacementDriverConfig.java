package io.cesiumdb.pd.service;

import io.cesiumdb.pd.cluster.LivenessPolicy;
import io.cesiumdb.truetime.TimeSource;
import java.nio.file.Path;
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
 * @param liveness heartbeat age → UP/SUSPECT/DOWN, used when placing new tablets
 * @param clockMicros wall-clock microseconds the leader stamps into RegisterNode and Heartbeat
 *     commands (the state machine never reads a clock)
 */
public record PlacementDriverConfig(
    String nodeId,
    String host,
    int raftPort,
    Path dataDir,
    List<PdPeer> peers,
    PdTuning tuning,
    LivenessPolicy liveness,
    LongSupplier clockMicros) {

  public PlacementDriverConfig {
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(tuning, "tuning");
    Objects.requireNonNull(liveness, "liveness");
    Objects.requireNonNull(clockMicros, "clockMicros");
    peers = List.copyOf(peers);
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

  /**
   * A config with the default liveness policy and truetime's system time source (never the raw wall
   * clock: an ArchUnit rule keeps wall-clock reads inside truetime).
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
        TimeSource.system()::nowMicros);
  }

  public PlacementDriverConfig withLiveness(LivenessPolicy policy) {
    return new PlacementDriverConfig(
        nodeId, host, raftPort, dataDir, peers, tuning, policy, clockMicros);
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
