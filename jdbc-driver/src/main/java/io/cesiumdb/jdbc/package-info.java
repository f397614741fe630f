/**
 * The CesiumDB JDBC driver: {@link io.cesiumdb.jdbc.CesiumDriver}, URL {@code
 * jdbc:cesium://host1[:port][,host2[:port]…]/[schema]} ({@link io.cesiumdb.jdbc.CesiumUrl}),
 * properties {@link io.cesiumdb.jdbc.CesiumProperty}.
 *
 * <p>Role: Apache Calcite Avatica's remote JDBC client supplies every JDBC object; this package
 * plugs a gRPC transport into it ({@link io.cesiumdb.jdbc.GrpcServiceFactory}) and fixes what
 * Avatica leaves out for tools: real {@code isValid}, connection settings sent when set, {@code
 * SQLException}s with SQLSTATEs from connection-level calls, metadata and fetches ({@link
 * io.cesiumdb.jdbc.CesiumConnection}, {@link io.cesiumdb.jdbc.MetaDataProxy}, {@link
 * io.cesiumdb.jdbc.CesiumResultSet}), and the {@code DatabaseMetaData} answers Avatica's client
 * gets wrong: transactions, and keys and indexes run as queries on {@code INFORMATION_SCHEMA}
 * ({@link io.cesiumdb.jdbc.MetaDataAnswers}, {@link io.cesiumdb.jdbc.KeyMetadataSql}).
 *
 * <p>Connect flow: {@code CesiumDriver.connect} parses the URL and merges properties → Avatica
 * builds a {@code CesiumConnection}, asking {@code GrpcServiceFactory} for its service → {@code
 * CesiumConnection.open} sends Avatica's {@code OpenConnectionRequest} (user, password, schema),
 * which {@code io.cesiumdb.jdbc.transport.FailoverTransport} tries on each listed node in turn.
 *
 * <p>Neighbours: {@code io.cesiumdb.jdbc.transport} below; {@code cesium-proto}'s {@code sql.proto}
 * is the wire contract; the server half is sql-frontend's {@code io.cesiumdb.sql.wire}. Nothing
 * else of CesiumDB is on the classpath (maven-enforcer, ArchUnit in {@code tests}).
 *
 * <p>Invariants: SQLSTATE class 08 only when the connection is really gone or was never made; a
 * connection never moves to another node after it opened.
 */
package io.cesiumdb.jdbc;
