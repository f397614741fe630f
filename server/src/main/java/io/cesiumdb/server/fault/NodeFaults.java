package io.cesiumdb.server.fault;

import io.cesiumdb.common.fault.FaultPlan;
import io.cesiumdb.proto.fault.FaultState;
import io.cesiumdb.truetime.SimulatedClock;

/**
 * Everything a node's fault admin acts on: its simulated clock and its fault plan. One per node;
 * the handlers share it.
 */
final class NodeFaults {
  private final String nodeId;
  private final ClockFaults clock;
  private final LinkFaults links;

  NodeFaults(String nodeId, SimulatedClock clock, FaultPlan plan) {
    this.nodeId = nodeId;
    this.clock = new ClockFaults(clock);
    this.links = new LinkFaults(plan);
  }

  ClockFaults clock() {
    return clock;
  }

  LinkFaults links() {
    return links;
  }

  /** The node's fault state as the RPC reports it. */
  FaultState state() {
    return FaultState.newBuilder()
        .setNodeId(nodeId)
        .setClock(clock.state())
        .addAllDrops(links.drops())
        .addAllDelays(links.delays())
        .setDroppedCount(links.droppedCount())
        .setHealthy(clock.healthy() && links.healthy())
        .build();
  }
}
