/**
 * The driver's gRPC transport: Avatica's protobuf protocol in the {@code AvaticaEnvelope} of {@code
 * sql.proto}, one unary {@code SqlService.Call} per Avatica request.
 *
 * <p>Flow: Avatica's {@code RemoteMeta} → {@link io.cesiumdb.jdbc.transport.GrpcAvaticaService}
 * (Avatica {@code Service}: serialize, parse, ErrorResponse → exception) → {@link
 * io.cesiumdb.jdbc.transport.EnvelopeCodec} (WireMessage ↔ envelope) → {@link
 * io.cesiumdb.jdbc.transport.FailoverTransport} (node choice, deadlines, gRPC status → SQLSTATE).
 *
 * <p>Neighbours: {@code io.cesiumdb.jdbc} builds one service per JDBC connection; the server half
 * is {@code io.cesiumdb.sql.wire} in sql-frontend.
 *
 * <p>Invariants: a connection talks to exactly one node after its first call (no mid-session
 * fail-over, see {@link io.cesiumdb.jdbc.transport.FailoverTransport}); transport failures carry
 * SQLSTATE class 08 only when that node is gone or none answered.
 */
package io.cesiumdb.jdbc.transport;
