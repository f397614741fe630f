package io.cesiumdb.pd.cluster;

import java.time.Duration;
import java.util.Objects;

/**
 * Turns a heartbeat age into a {@link NodeState}: younger than {@code suspectAfter} is UP, at least
 * {@code downAfter} is DOWN, anything between is SUSPECT.
 *
 * @param suspectAfter heartbeat age from which a node stops receiving new work
 * @param downAfter heartbeat age from which a node's replicas are replaced (default 30 s)
 */
public record LivenessPolicy(Duration suspectAfter, Duration downAfter) {

  /** Suspect after 10 s without a heartbeat, down after 30 s. */
  public static final LivenessPolicy DEFAULT =
      new LivenessPolicy(Duration.ofSeconds(10), Duration.ofSeconds(30));

  public LivenessPolicy {
    Objects.requireNonNull(suspectAfter, "suspectAfter");
    Objects.requireNonNull(downAfter, "downAfter");
    if (suspectAfter.isNegative() || suspectAfter.compareTo(downAfter) > 0) {
      throw new IllegalArgumentException(
          "need 0 <= suspectAfter <= downAfter, got " + suspectAfter + " / " + downAfter);
    }
  }

  /**
   * Heartbeat age from which an UP node stops being a target of balancing (two fifths of {@code
   * suspectAfter}: 4 s by default, several heartbeat intervals of a live node). A node that has
   * just died gives up its leaders within seconds and would otherwise draw them back while it is
   * still UP.
   */
  public Duration coolAfter() {
    return suspectAfter.multipliedBy(2).dividedBy(5);
  }

  /** The state of a node whose last heartbeat is {@code heartbeatAge} old. */
  public NodeState stateFor(Duration heartbeatAge) {
    if (heartbeatAge.compareTo(downAfter) >= 0) {
      return NodeState.DOWN;
    }
    return heartbeatAge.compareTo(suspectAfter) >= 0 ? NodeState.SUSPECT : NodeState.UP;
  }
}
