package io.cesiumdb.tablet;

import io.cesiumdb.common.fault.FaultPlan;
import io.cesiumdb.tablet.gc.GcConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What one node's {@link TabletServer} needs.
 *
 * @param nodeId the node's id; also its Raft peer id in every tablet group
 * @param host the address the Ratis server binds to and advertises (for example 127.0.0.1)
 * @param raftPort the Ratis gRPC port; 0 picks a free port (a restarted node must reuse the port it
 *     had, because its peers' group configurations carry it)
 * @param dataDir the node's directory: {@code raft/} (Ratis groups), {@code raft-removed/} and
 *     {@code store/} (RocksDB) below it
 * @param tuning the Ratis settings of every group on the node
 * @param faults the network faults the node's Ratis server applies to incoming messages; never null
 *     (a null argument becomes an empty plan)
 * @param commitWait true (the default, and the only sane production value): a replica applies an
 *     entry with commit timestamp s only once {@code TT.after(s)} holds on its clock, so nobody
 *     sees a write before its timestamp has certainly passed. False only for the negative-control
 *     tests of external consistency.
 * @param safeTimeInterval how long a leader stays idle before it logs an empty entry so that its
 *     followers' safe time keeps up (default {@link #DEFAULT_SAFE_TIME_INTERVAL})
 * @param gc multi-version GC: retention (default 1 h), pass interval (60 s), batch bound; never
 *     null (a null argument becomes {@link GcConfig#defaults()})
 */
public record TabletServerConfig(
    String nodeId,
    String host,
    int raftPort,
    Path dataDir,
    RaftTuning tuning,
    FaultPlan faults,
    boolean commitWait,
    Duration safeTimeInterval,
    GcConfig gc) {

  /** Idle leaders advance their followers' safe time every 2 s (Spanner: MinNextTS every 8 s). */
  public static final Duration DEFAULT_SAFE_TIME_INTERVAL = Duration.ofSeconds(2);

  /** Validates the settings and makes {@code dataDir} absolute. */
  public TabletServerConfig {
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(tuning, "tuning");
    if (nodeId.isBlank()) {
      throw new IllegalArgumentException("nodeId must not be blank");
    }
    if (raftPort < 0 || raftPort > 65_535) {
      throw new IllegalArgumentException("raftPort out of range: " + raftPort);
    }
    dataDir = dataDir.toAbsolutePath();
    faults = faults == null ? new FaultPlan() : faults;
    gc = gc == null ? GcConfig.defaults() : gc;
    safeTimeInterval = safeTimeInterval == null ? DEFAULT_SAFE_TIME_INTERVAL : safeTimeInterval;
    if (safeTimeInterval.isNegative()) {
      throw new IllegalArgumentException("safeTimeInterval must not be negative");
    }
  }

  /** A node with commit wait on (the production setting). */
  public TabletServerConfig(
      String nodeId, String host, int raftPort, Path dataDir, RaftTuning tuning, FaultPlan faults) {
    this(
        nodeId,
        host,
        raftPort,
        dataDir,
        tuning,
        faults,
        true,
        DEFAULT_SAFE_TIME_INTERVAL,
        GcConfig.defaults());
  }

  /** A node on a free port with the default tuning and no faults. */
  public static TabletServerConfig of(String nodeId, String host, Path dataDir) {
    return new TabletServerConfig(nodeId, host, 0, dataDir, RaftTuning.defaults(), new FaultPlan());
  }

  /** Returns a copy on another Ratis port (a restart reuses the port the node had). */
  public TabletServerConfig withRaftPort(int port) {
    return new TabletServerConfig(
        nodeId, host, port, dataDir, tuning, faults, commitWait, safeTimeInterval, gc);
  }

  /** Returns a copy with other Ratis settings. */
  public TabletServerConfig withTuning(RaftTuning newTuning) {
    return new TabletServerConfig(
        nodeId, host, raftPort, dataDir, newTuning, faults, commitWait, safeTimeInterval, gc);
  }

  /** Returns a copy that applies {@code plan}. */
  public TabletServerConfig withFaults(FaultPlan plan) {
    return new TabletServerConfig(
        nodeId, host, raftPort, dataDir, tuning, plan, commitWait, safeTimeInterval, gc);
  }

  /** Returns a copy with commit wait on or off (off: negative-control tests only). */
  public TabletServerConfig withCommitWait(boolean on) {
    return new TabletServerConfig(
        nodeId, host, raftPort, dataDir, tuning, faults, on, safeTimeInterval, gc);
  }

  /** Returns a copy whose idle leaders advance safe time every {@code interval} (ZERO: never). */
  public TabletServerConfig withSafeTimeInterval(Duration interval) {
    return new TabletServerConfig(
        nodeId, host, raftPort, dataDir, tuning, faults, commitWait, interval, gc);
  }

  /** Returns a copy with other multi-version GC settings (retention, interval, batch bound). */
  public TabletServerConfig withGc(GcConfig newGc) {
    return new TabletServerConfig(
        nodeId, host, raftPort, dataDir, tuning, faults, commitWait, safeTimeInterval, newGc);
  }

  /** Ratis' storage directory: one sub-directory per group, named by the group UUID. */
  public Path raftDir() {
    return dataDir.resolve("raft");
  }

  /** Where Ratis moves a removed group's directory if asked to keep it. */
  public Path removedGroupsDir() {
    return dataDir.resolve("raft-removed");
  }

  /** The node's RocksDB directory (one {@code RocksMvccStore} for every tablet). */
  public Path storeDir() {
    return dataDir.resolve("store");
  }
}
