package io.cesiumdb.server.node;

import io.cesiumdb.common.fault.FaultPlan;
import io.cesiumdb.tablet.RaftTuning;
import io.cesiumdb.truetime.ClockOffsetMonitor;

/**
 * How a node behaves, beyond where it lives ({@link NodeConfig}).
 *
 * @param clockSimulated whether the node's clock is simulated (only then may faults be injected)
 * @param monitor the clock offset monitor's bound and sampling
 * @param raft Raft timeouts, buffers and snapshot thresholds for every tablet group
 * @param faults the network faults this node's transports apply to incoming messages
 */
public record NodeOptions(
    boolean clockSimulated, ClockOffsetMonitor.Config monitor, RaftTuning raft, FaultPlan faults) {

  /** Production defaults: system clock, default monitor and Raft tuning, no faults. */
  public static NodeOptions defaults() {
    return new NodeOptions(
        false, ClockOffsetMonitor.Config.defaults(), RaftTuning.defaults(), new FaultPlan());
  }

  /** Defaults for a node with a simulated clock (demos and tests). */
  public static NodeOptions simulated() {
    return defaults().withClockSimulated(true);
  }

  public NodeOptions withClockSimulated(boolean simulated) {
    return new NodeOptions(simulated, monitor, raft, faults);
  }

  public NodeOptions withRaft(RaftTuning tuning) {
    return new NodeOptions(clockSimulated, monitor, tuning, faults);
  }

  public NodeOptions withFaults(FaultPlan plan) {
    return new NodeOptions(clockSimulated, monitor, raft, plan);
  }
}
