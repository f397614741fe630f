/**
 * The SQL engine behind Avatica's JDBC protocol: what a node's {@code SqlWireService} serves.
 *
 * <p><b>Role.</b> {@link io.cesiumdb.sql.meta.CesiumMeta} implements Avatica's {@code Meta} over a
 * {@code SqlEngine}: one {@code MetaConnection} (a {@code SqlSession}) per Avatica connection id,
 * {@code MetaStatement}s holding prepared statements and unread rows, {@code StatementRunner}
 * shaping results into frames and update counts, {@code Signatures} / {@code JdbcValues} for column
 * metadata and values, {@code CatalogMetadata} / {@code TypeInfoRows} / {@code NoObjectsMeta} for
 * {@code DatabaseMetaData}.
 *
 * <p><b>Wiring.</b> {@code SqlWireService.create(CesiumMeta.create(engine), authenticator,
 * SqlWireConfig.defaults(address))}, added to the node's gRPC server. The wire layer authenticates,
 * refuses unknown connection ids and maps exceptions to SQLSTATEs ({@code WireErrors}); this
 * package throws {@code CesiumException}s and Avatica's own exceptions as they come.
 *
 * <p><b>Request flow.</b> driver → {@code SqlWireService} → {@code LocalService} → {@code
 * CesiumMeta} → {@code MetaConnection} (lock) → {@code SqlSession} → rows → first frame; the driver
 * fetches the rest by offset.
 *
 * <p><b>Invariants.</b> A connection's requests run one at a time (its lock), as its session
 * requires. Values in frames match the {@code Rep} of their column (DATE {@code Integer} days,
 * TIMESTAMP {@code Long} millis, VARBINARY {@code byte[]}, DECIMAL {@code BigDecimal}). Metadata
 * answers come from the same catalog view as {@code INFORMATION_SCHEMA} ({@code
 * io.cesiumdb.sql.infoschema}). No class-08 SQLSTATE is produced here except for unknown
 * connections.
 *
 * <p><b>Driver side (Avatica 1.28's client, fixed in jdbc-driver).</b> The client sends connection
 * properties lazily; our driver's setters flush them, so {@code setAutoCommit(true)} commits at
 * once. The protocol has no request for {@code getPrimaryKeys}, {@code getIndexInfo} or the
 * foreign-key calls; our driver runs them as queries on {@code INFORMATION_SCHEMA}, so a change to
 * {@code KEY_COLUMN_USAGE} or {@code TABLE_CONSTRAINTS} must keep its queries working ({@code
 * JdbcMetadataTest}, {@code DbeaverSessionTest}).
 */
package io.cesiumdb.sql.meta;
