package io.cesiumdb.tablet.handlers;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.tablet.replication.ReplicaHost;
import io.cesiumdb.tablet.replication.TabletReplica;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * What every handler needs from the node: finding a hosted replica (RTE-3 TABLET_NOT_FOUND
 * otherwise), and turning synchronous failures into failed futures.
 */
final class Replicas {
  private final ReplicaHost host;

  Replicas(ReplicaHost host) {
    this.host = host;
  }

  ReplicaHost host() {
    return host;
  }

  TabletReplica get(long tabletId) {
    return host.replica(tabletId)
        .orElseThrow(
            () ->
                CesiumException.retry(
                    ErrorCode.TABLET_NOT_FOUND,
                    "tablet "
                        + Long.toUnsignedString(tabletId)
                        + " is not hosted on "
                        + host.nodeId(),
                    null));
  }

  /** Runs {@code body}; a synchronous exception becomes a failed future. */
  static <T> CompletableFuture<T> async(Supplier<CompletableFuture<T>> body) {
    try {
      return body.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
