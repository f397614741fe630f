package io.cesiumdb.server.node;

import io.cesiumdb.common.fault.FaultPlan;
import io.cesiumdb.pd.service.PdPeer;
import io.cesiumdb.pd.service.PdTuning;
import io.cesiumdb.tablet.RaftTuning;
import io.cesiumdb.truetime.ClockOffsetMonitor;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a node behaves, beyond where it lives ({@link NodeConfig}).
 *
 * @param clockSimulated whether the node's clock is simulated (only then may faults be injected)
 * @param monitor the clock offset monitor's bound and sampling
 * @param raft Raft timeouts, buffers and snapshot thresholds for every tablet group
 * @param faults the network faults this node's transports apply to incoming messages
 * @param pdPeers the placement driver's members (node id, PD Raft address, PlacementService address
 *     = the member node's RPC address). A node among them runs a PD member; every node joins the PD
 *     through them and heartbeats to it. Empty = no placement driver (a lone {@code cesium start}
 *     process).
 * @param pdTuning the PD member's Ratis settings
 * @param heartbeatInterval how often the node heartbeats to the PD leader
 */
public record NodeOptions(
    boolean clockSimulated,
    ClockOffsetMonitor.Config monitor,
    RaftTuning raft,
    FaultPlan faults,
    List<PdPeer> pdPeers,
    PdTuning pdTuning,
    Duration heartbeatInterval) {

  public NodeOptions {
    pdPeers = List.copyOf(pdPeers);
    Objects.requireNonNull(pdTuning, "pdTuning");
    Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
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
    return new NodeOptions(simulated, monitor, raft, faults, pdPeers, pdTuning, heartbeatInterval);
  }

  public NodeOptions withRaft(RaftTuning tuning) {
    return new NodeOptions(
        clockSimulated, monitor, tuning, faults, pdPeers, pdTuning, heartbeatInterval);
  }

  public NodeOptions withFaults(FaultPlan plan) {
    return new NodeOptions(
        clockSimulated, monitor, raft, plan, pdPeers, pdTuning, heartbeatInterval);
  }

  public NodeOptions withPdPeers(List<PdPeer> peers) {
    return new NodeOptions(
        clockSimulated, monitor, raft, faults, peers, pdTuning, heartbeatInterval);
  }

  public NodeOptions withPdTuning(PdTuning tuning) {
    return new NodeOptions(
        clockSimulated, monitor, raft, faults, pdPeers, tuning, heartbeatInterval);
  }

  public NodeOptions withHeartbeatInterval(Duration interval) {
    return new NodeOptions(clockSimulated, monitor, raft, faults, pdPeers, pdTuning, interval);
  }

  /** Whether the node with this id runs a placement-driver member. */
  public boolean runsPd(String nodeId) {
    return pdPeers.stream().anyMatch(p -> p.nodeId().equals(nodeId));
  }
}
