/**
 * The server half of SQL over JDBC: a node's {@code cesium.sql.v1.SqlService} (gRPC), carrying
 * Apache Calcite Avatica's protobuf protocol to an Avatica {@code Service}/{@code Meta}.
 *
 * <p>Entry point: {@link io.cesiumdb.sql.wire.SqlWireService#create} over the SQL engine's {@code
 * Meta}, an {@link io.cesiumdb.sql.wire.Authenticator} and a {@link
 * io.cesiumdb.sql.wire.SqlWireConfig}; the composition root adds it to the node's gRPC server.
 *
 * <p>Neighbours: the client is the JDBC driver ({@code io.cesiumdb.jdbc}, jdbc-driver module); the
 * contract is {@code sql.proto}; the {@code Meta} comes from the rest of sql-frontend.
 *
 * <p>Invariants:
 *
 * <ul>
 *   <li>Nothing is served on a connection id that did not authenticate on this node: a refused
 *       login leaves its id unknown, and every request on an unknown id gets SQLSTATE 08003.
 *   <li>Connection ids are per node. HAZARD: a client that fails over mid-session to another node
 *       loses its session (statements, open transaction); the driver therefore never moves a
 *       connection, and Avatica's transparent reconnection stays off (it would commit nothing and
 *       report success). The application reconnects, as tools do on SQLSTATE class 08.
 *   <li>Every error reaches the client with a SQLSTATE: a {@code CesiumException}'s own, else a
 *       mapped one ({@link io.cesiumdb.sql.wire.WireErrors}); class 08 only for connections that
 *       are really gone.
 *   <li>The password never reaches the {@code Meta}.
 * </ul>
 */
package io.cesiumdb.sql.wire;
