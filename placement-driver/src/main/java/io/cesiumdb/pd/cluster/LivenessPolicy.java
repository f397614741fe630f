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

  /** The state of a node whose last heartbeat is {@code heartbeatAge} old. */
  public NodeState stateFor(Duration heartbeatAge) {
    if (heartbeatAge.compareTo(downAfter) >= 0) {
      return NodeState.DOWN;
    }
    return heartbeatAge.compareTo(suspectAfter) >= 0 ? NodeState.SUSPECT : NodeState.UP;
  }
}
