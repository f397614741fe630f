/**
 * The transaction coordinator: the client side of CesiumDB's data path. It runs inside every node
 * (for the SQL front end) and can run in an external client; it reaches tablet servers and the
 * placement driver only over gRPC, never through their classes.
 *
 * <h2>Map</h2>
 *
 * <pre>
 *  routing/    built (issue 3): TabletRouter sends tablet RPCs to the right replica, follows
 *              not-leader hints, caches leaders, retries with backoff until a deadline; no caller
 *              sees a routing error. CockroachDB's DistSender analogue.
 *  (issue 4)   routing/ grows a directory cache: key to tablet descriptor with epochs, refreshed
 *              on TABLET_MOVED through the DescriptorSource seam.
 *  (issue 5)   txn/: buffered writes and two-phase commit as an ordered pipeline of small stages;
 *              readonly/: lock-free snapshot reads at a timestamp on top of the router's follower
 *              reads.
 * </pre>
 *
 * <h2>Invariants</h2>
 *
 * <ul>
 *   <li>Errors leave this module as {@link io.cesiumdb.common.error.CesiumException} with a stable
 *       code; routing codes ({@code RTE-1}, {@code RTE-3}) never reach a caller.
 *   <li>Async methods return {@link java.util.concurrent.CompletableFuture} and fail it; they never
 *       throw synchronously.
 *   <li>Every RPC has a deadline.
 * </ul>
 *
 * <h2>Neighbours</h2>
 *
 * <p>Depends on {@code truetime}, {@code common} (error registry) and {@code proto} (wire types and
 * stubs). Used by {@code sql-frontend} and {@code server}. Request flow and threading model: the
 * module's {@code README.md}.
 */
package io.cesiumdb.txn;
