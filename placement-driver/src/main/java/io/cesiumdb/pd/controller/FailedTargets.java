package io.cesiumdb.pd.controller;

import io.cesiumdb.pd.operator.Operator;
import io.cesiumdb.pd.operator.Step;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Nodes that an operator failed to move work to (an added replica or a leadership transfer), each
 * remembered until the node heartbeats again. Balancing leaves them alone meanwhile ({@link
 * io.cesiumdb.pd.cluster.ClusterView#isBalanceTarget}): a node that has just died still looks UP,
 * leads nothing, and so draws every leader transfer, each of which fails only after the Ratis
 * transfer timeout while blocking the source leader's writes. A node that answers again gets work
 * again; one that does not stays out until it is SUSPECT anyway.
 *
 * <p>Thread-safe: operators fail on executor threads, rounds read on the controller's ticker.
 */
final class FailedTargets {
  private final Map<String, Long> failedAtMicros = new ConcurrentHashMap<>();

  /** Remembers the nodes {@code op} was moving work to, as failed at {@code nowMicros}. */
  void failed(Operator op, long nowMicros) {
    for (Step step : op.steps()) {
      if (step instanceof Step.AddReplica add) {
        failedAtMicros.merge(add.node(), nowMicros, Math::max);
      } else if (step instanceof Step.TransferLeader transfer) {
        failedAtMicros.merge(transfer.to(), nowMicros, Math::max);
      }
    }
  }

  /**
   * The remembered nodes that have not heartbeated since their failure; forgets the others.
   *
   * @param lastHeartbeatMicros a node's last heartbeat time, empty if it is not registered
   */
  Set<String> cooling(Function<String, OptionalLong> lastHeartbeatMicros) {
    Set<String> out = new TreeSet<>();
    failedAtMicros.forEach(
        (node, failedAt) -> {
          OptionalLong heard = lastHeartbeatMicros.apply(node);
          if (heard.isPresent() && heard.getAsLong() > failedAt) {
            failedAtMicros.remove(node, failedAt);
          } else {
            out.add(node);
          }
        });
    return out;
  }

  /** Forgets everything (a deposed leader starts afresh when it leads again). */
  void clear() {
    failedAtMicros.clear();
  }
}
