/**
 * The SQL front end's placement-driver side: the catalog, DDL and passwords of a real cluster.
 *
 * <p><b>Role.</b> {@link io.cesiumdb.sql.pd.PdCatalog} is the {@code Catalog} sessions plan against
 * (a TTL-refreshed snapshot of {@code GetCatalog}), {@link io.cesiumdb.sql.pd.PdDdlExecutor} runs
 * DDL as PD RPCs ({@code CreateSchema}, {@code CreateTable}, {@code DropTable}, {@code
 * LookupTablet} + {@code SplitTablet}) and refreshes that catalog, {@link
 * io.cesiumdb.sql.pd.PdAuthenticator} checks JDBC passwords with {@code Authenticate}. The
 * in-memory siblings ({@code InMemoryCatalog}, {@code InMemoryDdlExecutor}, {@code
 * PasswordAuthenticator}) serve tests and tools.
 *
 * <p><b>Neighbours.</b> Every call goes through txn-coordinator's {@code KeyRouter.placement()}
 * ({@code PlacementCalls}: PD leader discovery, {@code NOT_LEADER} hints, retries, deadlines), so a
 * node has one PD client. Used by {@code io.cesiumdb.sql.session} ({@code SqlEngine}: catalog +
 * DDL) and {@code io.cesiumdb.sql.wire} (authenticator); wired by the server's composition root.
 *
 * <p><b>Invariants.</b> Snapshots are immutable and their catalog version never goes back. After
 * {@code PdDdlExecutor.execute} returns, the node's catalog shows the change. Other nodes see it
 * within their TTL (default 250 ms) or at once on a miss ({@code table()} not found, {@code
 * hasSchema()} false). Existence checks for {@code IF [NOT] EXISTS} use the PD's answer, not the
 * cache. Everything here blocks the calling session thread on router futures: never call it on a
 * router callback thread.
 *
 * <p><b>Hazards.</b> Within a TTL a node may plan against a table another node dropped (its plan
 * cache is keyed by catalog version): reads then see no rows and writes fail once the router finds
 * no tablet. PD writes re-sent after a lost connection are not idempotent (see {@code
 * PdDdlExecutor}).
 */
package io.cesiumdb.sql.pd;
