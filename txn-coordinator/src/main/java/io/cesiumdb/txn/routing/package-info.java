/**
 * Tablet routing: get a tablet RPC to a replica that can serve it, and hide every routing error.
 *
 * <h2>Map</h2>
 *
 * <pre>
 *  by key       KeyRouter (read, write, scan, tabletFor by keyspace + key) ─ KeyRouterBuilder
 *               ─ KeyedRetry (re-resolve on stale routing) ─ ScanWalk (tablets in key order)
 *               ─ TabletLocator ─ TabletDirectoryCache (keyspace → start_key → descriptor) ─ KeyRanges
 *               ─ TabletDirectory seam ─ PlacementDirectory ─ PlacementClient/PlacementCall (PD leader)
 *  PD calls     PlacementCalls (KeyRouter.placement(): any PlacementService RPC, same PD client)
 *  transactions TxnCalls (KeyRouter's TxnContext reads/scans, commitTxn, abortTxn, touchTxn)
 *               ─ TabletServed (which tablet served: the transaction's participants)
 *  façade       TabletRouter (async: read, scan, write, status) ─ TabletRouterBuilder
 *               BlockingTabletRouter (tests and tools)
 *  per request  RoutedCall: the retry loop ─ TargetSelector (which endpoint next)
 *               ─ RetryClassifier (what an answer means; the whole retry policy in one table)
 *               ─ UnaryAttempt (one gRPC call with a deadline, reports "delivered")
 *               ─ Backoff (bounded exponential, equal jitter) ─ BackoffTimer (the pauses)
 *  shared       LeaderCache (tablet id to last known leader) ─ ChannelPool (one channel per
 *               address) ─ RouterMetrics ─ RouterConfig ─ RouterContext
 *  seams        ChannelFactory (Netty or in-process) ─ DescriptorSource (refresh by tablet id:
 *               PlacementDescriptorSource) ─ TabletDirectory (resolve by key)
 *  wire ↔ error ErrorDetails: the module's only ErrorDetail ↔ CesiumException mapping
 *  descriptions TabletRpc (per-method facts), RoutingMode, Endpoint
 * </pre>
 *
 * <h2>Invariants</h2>
 *
 * <ul>
 *   <li>A caller never sees {@code NOT_LEADER} or "not hosted here": the router retries them until
 *       the overall deadline and then fails with {@code UNAVAILABLE}.
 *   <li>Errors that are about the request itself (a SQL, transaction or storage code) fail the
 *       future at once, unchanged, and are not retried.
 *   <li>A write is sent again only if it provably was not processed. HAZARD: after a timeout or a
 *       lost connection a write may have been applied; the router fails it with a retryable code
 *       instead of retrying (see {@link io.cesiumdb.txn.routing.RetryClassifier}).
 *   <li>One attempt in flight per request; every attempt carries a gRPC deadline no later than the
 *       request's overall deadline.
 *   <li>Cached leaders are hints: a failure of the cached leader removes it, a hint replaces it.
 *   <li>Key-addressed callers ({@link io.cesiumdb.txn.routing.KeyRouter}) never see {@code
 *       TABLET_MOVED} or {@code TABLET_NOT_FOUND}: refresh is by key, one layer above the retry
 *       loop (the rejected alternative, a key-aware {@code DescriptorSource}, is in its javadoc).
 *   <li>Cached directory ranges of one keyspace never overlap; a lower epoch of a cached tablet id
 *       is refused.
 * </ul>
 *
 * <h2>Neighbours</h2>
 *
 * <p>Speaks {@code TabletService} from {@code proto} (tablet.proto, errors.proto); the tablet
 * server's rpc package is the other end. Issue 5's transaction pipeline and read-only reads sit on
 * top and address tablets by key through {@code KeyRouter}. Speaks {@code PlacementService}
 * (placement.proto: GetLeader, LookupTablet, ListTablets) to fill the directory cache.
 *
 * <h2>Related code elsewhere</h2>
 *
 * <p>CockroachDB {@code pkg/kv/kvclient/kvcoord/dist_sender.go} ({@code sendToReplicas}:
 * leaseholder first, NotLeaseHolderError updates the cache, ambiguous results after a sent write);
 * TiKV's client-go {@code internal/locate/region_request.go} (retry on NotLeader with the new
 * leader).
 */
package io.cesiumdb.txn.routing;
