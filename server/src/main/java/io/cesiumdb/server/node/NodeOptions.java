package io.cesiumdb.server.node;

import io.cesiumdb.common.fault.FaultPlan;
import io.cesiumdb.pd.service.PdPeer;
import io.cesiumdb.pd.service.PdTuning;
import io.cesiumdb.pd.service.PlacementDriverConfig;
import io.cesiumdb.tablet.RaftTuning;
import io.cesiumdb.tablet.gc.GcConfig;
import io.cesiumdb.truetime.ClockOffsetMonitor;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * How a node behaves, beyond where it lives ({@link NodeConfig}).
 *
 * @param clockSimulated whether the node's clock is simulated (only then may faults be injected)
 * @param monitor the clock offset monitor's bound and sampling
 * @param raft Raft timeouts, buffers and snapshot thresholds for every tablet group
 * @param faults the network faults this node's transports apply to incoming messages
 * @param pdPeers the placement driver's members (node id, PD Raft address, PlacementService address
 *     = the member node's RPC address). A node among them runs a PD member; every node joins the PD
 *     through them and heartbeats to it.
 * @param pdTuning the PD member's Ratis settings
 * @param heartbeatInterval how often the node heartbeats to the PD leader (default 1 s)
 * @param joinAddresses RPC addresses ({@code host:port}) of any existing nodes: the node asks them
 *     where the PD leader is (GetLeader) and joins it. With neither these nor {@code pdPeers} the
 *     node has no placement driver (a lone {@code cesium start} process).
 * @param pdConfig applied to the PD member's config just before it starts (tests shorten liveness
 *     timeouts with it); identity by default
 * @param gc multi-version GC of the node's tablets: retention (default 1 h, {@code cesium start
 *     --gc-retention}), pass interval, batch bound
 * @param commitWait true (default): replicas and the coordinator commit-wait. False only as the
 *     consistency suite's negative control ({@link #withCommitWait})
 */
public record NodeOptions(
    boolean clockSimulated,
    ClockOffsetMonitor.Config monitor,
    RaftTuning raft,
    FaultPlan faults,
    List<PdPeer> pdPeers,
    PdTuning pdTuning,
    Duration heartbeatInterval,
    List<String> joinAddresses,
    Function<PlacementDriverConfig, PlacementDriverConfig> pdConfig,
    GcConfig gc,
    boolean commitWait) {

  public NodeOptions {
    Objects.requireNonNull(gc, "gc");
    pdPeers = List.copyOf(pdPeers);
    joinAddresses = List.copyOf(joinAddresses);
    Objects.requireNonNull(pdTuning, "pdTuning");
    Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
    Objects.requireNonNull(pdConfig, "pdConfig");
    if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
      throw new IllegalArgumentException(
          "heartbeatInterval must be positive: " + heartbeatInterval);
    }
  }

  /** Options without join addresses or a PD config customiser. */
  public NodeOptions(
      boolean clockSimulated,
      ClockOffsetMonitor.Config monitor,
      RaftTuning raft,
      FaultPlan faults,
      List<PdPeer> pdPeers,
      PdTuning pdTuning,
      Duration heartbeatInterval) {
    this(
        clockSimulated,
        monitor,
        raft,
        faults,
        pdPeers,
        pdTuning,
        heartbeatInterval,
        List.of(),
        Function.identity(),
        GcConfig.defaults(),
        true);
  }

  /** All options but commit wait, which is on. */
  public NodeOptions(
      boolean clockSimulated,
      ClockOffsetMonitor.Config monitor,
      RaftTuning raft,
      FaultPlan faults,
      List<PdPeer> pdPeers,
      PdTuning pdTuning,
      Duration heartbeatInterval,
      List<String> joinAddresses,
      Function<PlacementDriverConfig, PlacementDriverConfig> pdConfig,
      GcConfig gc) {
    this(
        clockSimulated,
        monitor,
        raft,
        faults,
        pdPeers,
        pdTuning,
        heartbeatInterval,
        joinAddresses,
        pdConfig,
        gc,
        true);
  }

  /** Options without a placement driver. */
  public NodeOptions(
      boolean clockSimulated,
      ClockOffsetMonitor.Config monitor,
      RaftTuning raft,
      FaultPlan faults) {
    this(
        clockSimulated,
        monitor,
        raft,
        faults,
        List.of(),
        PdTuning.defaults(),
        Duration.ofSeconds(1));
  }

  /** Production defaults: system clock, default monitor and Raft tuning, no faults, no PD. */
  public static NodeOptions defaults() {
    return new NodeOptions(
        false, ClockOffsetMonitor.Config.defaults(), RaftTuning.defaults(), new FaultPlan());
  }

  /** Defaults for a node with a simulated clock (demos and tests). */
  public static NodeOptions simulated() {
    return defaults().withClockSimulated(true);
  }

  public NodeOptions withClockSimulated(boolean simulated) {
    return new NodeOptions(
        simulated,
        monitor,
        raft,
        faults,
        pdPeers,
        pdTuning,
        heartbeatInterval,
        joinAddresses,
        pdConfig,
        gc,
        commitWait);
  }

  public NodeOptions withRaft(RaftTuning tuning) {
    return new NodeOptions(
        clockSimulated,
        monitor,
        tuning,
        faults,
        pdPeers,
        pdTuning,
        heartbeatInterval,
        joinAddresses,
        pdConfig,
        gc,
        commitWait);
  }

  public NodeOptions withFaults(FaultPlan plan) {
    return new NodeOptions(
        clockSimulated,
        monitor,
        raft,
        plan,
        pdPeers,
        pdTuning,
        heartbeatInterval,
        joinAddresses,
        pdConfig,
        gc,
        commitWait);
  }

  public NodeOptions withPdPeers(List<PdPeer> peers) {
    return new NodeOptions(
        clockSimulated,
        monitor,
        raft,
        faults,
        peers,
        pdTuning,
        heartbeatInterval,
        joinAddresses,
        pdConfig,
        gc,
        commitWait);
  }

  public NodeOptions withPdTuning(PdTuning tuning) {
    return new NodeOptions(
        clockSimulated,
        monitor,
        raft,
        faults,
        pdPeers,
        tuning,
        heartbeatInterval,
        joinAddresses,
        pdConfig,
        gc,
        commitWait);
  }

  public NodeOptions withHeartbeatInterval(Duration interval) {
    return new NodeOptions(
        clockSimulated,
        monitor,
        raft,
        faults,
        pdPeers,
        pdTuning,
        interval,
        joinAddresses,
        pdConfig,
        gc,
        commitWait);
  }

  /** These RPC addresses ({@code host:port}) of existing nodes to find the PD leader through. */
  public NodeOptions withJoinAddresses(List<String> addresses) {
    return new NodeOptions(
        clockSimulated,
        monitor,
        raft,
        faults,
        pdPeers,
        pdTuning,
        heartbeatInterval,
        addresses,
        pdConfig,
        gc,
        commitWait);
  }

  /** This customiser for the PD member's config (replaces any earlier one). */
  public NodeOptions withPdConfig(
      Function<PlacementDriverConfig, PlacementDriverConfig> customiser) {
    return new NodeOptions(
        clockSimulated,
        monitor,
        raft,
        faults,
        pdPeers,
        pdTuning,
        heartbeatInterval,
        joinAddresses,
        customiser,
        gc,
        commitWait);
  }

  /** This clock offset monitor configuration (the largest tolerated offset between two nodes). */
  public NodeOptions withMonitor(ClockOffsetMonitor.Config newMonitor) {
    return new NodeOptions(
        clockSimulated,
        newMonitor,
        raft,
        faults,
        pdPeers,
        pdTuning,
        heartbeatInterval,
        joinAddresses,
        pdConfig,
        gc,
        commitWait);
  }

  /** These multi-version GC settings for the node's tablets. */
  public NodeOptions withGc(GcConfig newGc) {
    return new NodeOptions(
        clockSimulated,
        monitor,
        raft,
        faults,
        pdPeers,
        pdTuning,
        heartbeatInterval,
        joinAddresses,
        pdConfig,
        newGc,
        commitWait);
  }

  /**
   * Commit wait on (true, the default and the only correct setting) or off. Off disables both the
   * tablet replicas' commit wait and the transaction coordinator's CommitWait stage: a NEGATIVE
   * CONTROL that exists only to prove the consistency suite catches the violation; allowed only
   * with a simulated clock ({@code cesium start --unsafe-disable-commit-wait}).
   */
  public NodeOptions withCommitWait(boolean on) {
    return new NodeOptions(
        clockSimulated,
        monitor,
        raft,
        faults,
        pdPeers,
        pdTuning,
        heartbeatInterval,
        joinAddresses,
        pdConfig,
        gc,
        on);
  }

  /** Whether the node with this id runs a placement-driver member. */
  public boolean runsPd(String nodeId) {
    return pdPeers.stream().anyMatch(p -> p.nodeId().equals(nodeId));
  }

  /** Whether the node talks to a placement driver at all (PD peers or join addresses given). */
  public boolean hasPlacementDriver() {
    return !pdPeers.isEmpty() || !joinAddresses.isEmpty();
  }

  /**
   * Where the node's PD agent starts looking for the PD leader: the PD members' service addresses,
   * then the join addresses; no duplicates, no empty entries.
   */
  public List<String> pdSeeds() {
    return Stream.concat(pdPeers.stream().map(PdPeer::serviceAddress), joinAddresses.stream())
        .filter(a -> !a.isEmpty())
        .distinct()
        .toList();
  }
}
