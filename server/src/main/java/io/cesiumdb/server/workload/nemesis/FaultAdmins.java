package io.cesiumdb.server.workload.nemesis;

import io.cesiumdb.server.fault.FaultAdminClient;
import io.cesiumdb.server.workload.nemesis.Membership.NodeRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * Short-lived fault admin clients: a nemesis acts every few seconds, so one channel per node per
 * action costs nothing and leaves nothing open between faults.
 */
final class FaultAdmins {
  private FaultAdmins() {}

  /**
   * Runs {@code action} against the fault admin of each node, in order; the first failure throws.
   */
  static void onEach(Collection<NodeRef> nodes, Consumer<FaultAdminClient> action) {
    for (NodeRef n : nodes) {
      on(n, action);
    }
  }

  /**
   * Runs {@code action} against every node even when some fail (healing: a node that is down lost
   * its faults with its process); returns one line per failure, empty when all succeeded.
   */
  static List<String> onEachBestEffort(
      Collection<NodeRef> nodes, Consumer<FaultAdminClient> action) {
    List<String> failures = new ArrayList<>();
    for (NodeRef n : nodes) {
      try {
        on(n, action);
      } catch (RuntimeException e) {
        failures.add(n.nodeId() + ": " + e.getMessage());
      }
    }
    return failures;
  }

  /** " (unreachable: ...)" for a heal description, empty when nothing failed. */
  static String unreachable(List<String> failures) {
    return failures.isEmpty() ? "" : " (unreachable: " + String.join("; ", failures) + ")";
  }

  /** Runs {@code action} against the fault admin of one node. */
  static void on(NodeRef node, Consumer<FaultAdminClient> action) {
    try (FaultAdminClient c = new FaultAdminClient(node.rpcAddress())) {
      action.accept(c);
    }
  }
}
