package io.cesiumdb.txn.routing;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.proto.tablet.ReadRequest;
import io.cesiumdb.proto.tablet.ReadResponse;
import io.cesiumdb.proto.tablet.ReplicaDescriptor;
import io.cesiumdb.proto.tablet.ScanRequest;
import io.cesiumdb.proto.tablet.ScanResponse;
import io.cesiumdb.proto.tablet.StatusRequest;
import io.cesiumdb.proto.tablet.StatusResponse;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import io.cesiumdb.proto.tablet.WriteRequest;
import io.cesiumdb.proto.tablet.WriteResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A blocking view of a {@link TabletRouter} for tests, tools and the demo: each method waits for
 * the async call (bounded by the router's overall deadline) and throws its {@link CesiumException}.
 * Never use it on a router callback thread or inside a server handler.
 */
public final class BlockingTabletRouter {
  private final TabletRouter router;

  BlockingTabletRouter(TabletRouter router) {
    this.router = router;
  }

  /** See {@link TabletRouter#read}. */
  public ReadResponse read(TabletDescriptor tablet, ReadRequest request) {
    return await(router.read(tablet, request));
  }

  /** See {@link TabletRouter#scan}. */
  public ScanResponse scan(TabletDescriptor tablet, ScanRequest request) {
    return await(router.scan(tablet, request));
  }

  /** See {@link TabletRouter#write}. */
  public WriteResponse write(TabletDescriptor tablet, WriteRequest request) {
    return await(router.write(tablet, request));
  }

  /** See {@link TabletRouter#status(TabletDescriptor, StatusRequest)}. */
  public StatusResponse status(TabletDescriptor tablet, StatusRequest request) {
    return await(router.status(tablet, request));
  }

  /** See {@link TabletRouter#status(TabletDescriptor, ReplicaDescriptor, StatusRequest)}. */
  public StatusResponse status(
      TabletDescriptor tablet, ReplicaDescriptor replica, StatusRequest request) {
    return await(router.status(tablet, replica, request));
  }

  /**
   * Waits for {@code future} and returns its value, or throws the {@link CesiumException} it failed
   * with (anything else is wrapped as {@code INTERNAL}).
   */
  public static <T> T await(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      throw CesiumException.from(e.getCause() == null ? e : e.getCause());
    }
  }
}
