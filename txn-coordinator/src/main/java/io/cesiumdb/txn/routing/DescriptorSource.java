package io.cesiumdb.txn.routing;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import java.util.concurrent.CompletableFuture;

/**
 * Where the router gets a fresher {@link TabletDescriptor} when a replica says the caller's one is
 * stale ({@code RTE-2 TABLET_MOVED}). The seam issue 4 plugs its directory cache into: that
 * implementation asks the placement driver for the current descriptor (with a higher epoch) and
 * caches it; the router then retries against the new replicas.
 *
 * <p>Contract: the returned future completes with a descriptor for the same tablet id; if its epoch
 * is not higher than the stale one's, the router stops and fails the request with the {@code
 * TABLET_MOVED} error (hint included). Implementations must not throw; they fail the future. The
 * router bounds the wait by what is left of the request's deadline.
 *
 * <p>NB: after a split the key may now belong to another tablet id. Issue 4 decides whether the
 * refresh is keyed by tablet or by key; this interface will grow a key parameter then.
 */
@FunctionalInterface
public interface DescriptorSource {

  /**
   * Returns the current descriptor of {@code stale}'s tablet.
   *
   * @param stale the descriptor the request was routed with
   * @param reason the {@code TABLET_MOVED} error a replica answered, with its hint
   */
  CompletableFuture<TabletDescriptor> refresh(TabletDescriptor stale, CesiumException reason);

  /** The default until issue 4: no directory, so the stale descriptor comes back unchanged. */
  static DescriptorSource unchanged() {
    return (stale, reason) -> CompletableFuture.completedFuture(stale);
  }
}
