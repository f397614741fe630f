package io.cesiumdb.txn.routing;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import java.util.concurrent.CompletableFuture;

/**
 * Where the descriptor-addressed {@link TabletRouter} gets a fresher {@link TabletDescriptor} of
 * the same tablet id when a replica says the caller's one is stale ({@code RTE-2 TABLET_MOVED}).
 * Production: {@link PlacementDescriptorSource} (the {@code TABLET_MOVED} error's {@code current}
 * descriptor, else the placement driver), the default when the router is built with {@link
 * TabletRouterBuilder#placementAddresses}.
 *
 * <p>Contract: the returned future completes with a descriptor for the same tablet id; if its epoch
 * is not higher than the stale one's, the router stops and fails the request with the {@code
 * TABLET_MOVED} error (hint included). Implementations must not throw; they fail the future. The
 * router bounds the wait by what is left of the request's deadline.
 *
 * <p>Decision (issue 4): refresh is by <b>tablet id</b> here, and by <b>key</b> one layer up, in
 * {@link KeyRouter}. After a split a key may belong to another tablet id, and a scan or a write
 * batch may then span tablets; only a caller that knows keys (not a descriptor) can re-resolve,
 * cross tablet boundaries or refuse a batch that spans tablets. So {@link KeyRouter} sends
 * key-addressed calls with a flag that makes {@link RoutedCall} fail fast on stale routing, and it
 * re-resolves through its {@link TabletDirectoryCache}. Rejected: giving this interface a key
 * parameter and letting {@link RoutedCall} switch tablet ids mid-request. It would mean one request
 * silently changing tablets under a descriptor-addressed caller, and scans and multi-key writes
 * would still need the key layer to split or refuse them.
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
