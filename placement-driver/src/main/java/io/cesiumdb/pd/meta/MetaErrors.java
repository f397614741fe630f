package io.cesiumdb.pd.meta;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.common.error.RetryHint;
import io.cesiumdb.proto.placement.TabletEntry;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rejections handlers raise, and the checks they share. Handlers throw these before they change
 * anything; {@link MetaDispatcher} turns them into {@link MetaResult.Failed}.
 */
final class MetaErrors {
  private MetaErrors() {}

  static CesiumException invalid(String message) {
    return new CesiumException(ErrorCode.INVALID_ARGUMENT, message);
  }

  /**
   * A DDL refused for what the catalog holds (duplicate schema or user, non-empty schema, ...).
   * VALIDATION_ERROR (SQLSTATE 42000): the registry has no SCHEMA_EXISTS / USER_EXISTS /
   * DEPENDENT_OBJECTS codes.
   */
  static CesiumException refused(String message) {
    return new CesiumException(ErrorCode.VALIDATION_ERROR, message);
  }

  static CesiumException tabletNotFound(long tabletId) {
    return new CesiumException(ErrorCode.TABLET_NOT_FOUND, "no tablet " + tabletId);
  }

  /** {@code TABLET_MOVED} carrying the tablet's current epoch. */
  static CesiumException tabletMoved(TabletEntry current, long callerEpoch) {
    return CesiumException.retry(
        ErrorCode.TABLET_MOVED,
        "tablet "
            + current.getTabletId()
            + " is at epoch "
            + current.getEpoch()
            + ", caller expected "
            + callerEpoch,
        new RetryHint.TabletMoved(
            Long.toString(current.getTabletId()), callerEpoch, current.getEpoch()));
  }

  /** The tablet, checked to be at {@code expectedEpoch}. */
  static TabletEntry atEpoch(TabletDirectory directory, long tabletId, long expectedEpoch) {
    TabletEntry tablet = directory.tablet(tabletId).orElseThrow(() -> tabletNotFound(tabletId));
    if (tablet.getEpoch() != expectedEpoch) {
      throw tabletMoved(tablet, expectedEpoch);
    }
    return tablet;
  }

  /** Checks a replica list: non-empty, distinct, every node registered. */
  static void checkReplicas(NodeRegistry nodes, List<String> replicas, String what) {
    if (replicas.isEmpty()) {
      throw invalid(what + ": empty replica list");
    }
    Set<String> seen = new HashSet<>();
    for (String node : replicas) {
      if (!seen.add(node)) {
        throw invalid(what + ": duplicate replica " + node + " in " + replicas);
      }
      if (nodes.node(node).isEmpty()) {
        throw invalid(what + ": unknown node " + node);
      }
    }
  }
}
