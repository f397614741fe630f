package io.cesiumdb.server.fault;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.common.fault.FaultPlan;
import io.cesiumdb.proto.fault.Link;
import io.cesiumdb.proto.fault.LinkDelay;
import io.cesiumdb.proto.fault.SetLinkFaultsRequest;
import java.util.List;

/**
 * The network half of a node's faults: replaces the whole set of dropped and delayed links of the
 * node's {@link FaultPlan} and remembers the set ({@link FaultPlan} offers no way to list it).
 *
 * <p>NB: the plan is cleared, then refilled; a message arriving in between sees a healthy plan. The
 * window is microseconds and only ever lets a message through, which a nemesis tolerates. On an
 * in-process cluster every node shares one plan, so the nemeses send the same full set to every
 * node, which keeps the replacement idempotent.
 */
final class LinkFaults {
  private final FaultPlan plan;
  private List<Link> drops = List.of();
  private List<LinkDelay> delays = List.of();

  LinkFaults(FaultPlan plan) {
    this.plan = plan;
  }

  /**
   * Replaces every link fault with the request's; an empty request heals.
   *
   * @throws CesiumException INVALID_ARGUMENT for a link without both ends or a negative delay
   *     (nothing changes then)
   */
  synchronized void replace(SetLinkFaultsRequest request) {
    request.getDropsList().forEach(LinkFaults::validate);
    for (LinkDelay d : request.getDelaysList()) {
      validate(d.getLink());
      if (d.getDelayMillis() < 0) {
        throw new CesiumException(
            ErrorCode.INVALID_ARGUMENT, "negative delay " + d.getDelayMillis() + " on " + d);
      }
    }
    plan.heal();
    request.getDropsList().forEach(l -> plan.drop(l.getFromNodeId(), l.getToNodeId()));
    for (LinkDelay d : request.getDelaysList()) {
      plan.delay(d.getLink().getFromNodeId(), d.getLink().getToNodeId(), d.getDelayMillis());
    }
    drops = List.copyOf(request.getDropsList());
    delays = List.copyOf(request.getDelaysList());
  }

  private static void validate(Link link) {
    if (link.getFromNodeId().isEmpty() || link.getToNodeId().isEmpty()) {
      throw new CesiumException(ErrorCode.INVALID_ARGUMENT, "a link needs both node ids: " + link);
    }
  }

  synchronized List<Link> drops() {
    return drops;
  }

  synchronized List<LinkDelay> delays() {
    return delays;
  }

  long droppedCount() {
    return plan.droppedCount();
  }

  /** True when this node set no link fault (and the plan it shares has none either). */
  synchronized boolean healthy() {
    return drops.isEmpty() && delays.isEmpty() && plan.isHealthy();
  }
}
