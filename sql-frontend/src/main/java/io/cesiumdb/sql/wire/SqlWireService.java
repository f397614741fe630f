package io.cesiumdb.sql.wire;

import io.cesiumdb.proto.sql.AvaticaEnvelope;
import io.cesiumdb.proto.sql.SqlServiceGrpc;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.metrics.noop.NoopMetricsSystem;
import org.apache.calcite.avatica.remote.LocalService;
import org.apache.calcite.avatica.remote.ProtobufHandler;
import org.apache.calcite.avatica.remote.ProtobufTranslationImpl;
import org.apache.calcite.avatica.remote.Service;
import org.apache.calcite.avatica.remote.Service.RpcMetadataResponse;

/**
 * The SQL gRPC service of a node ({@code cesium.sql.v1.SqlService}): hands each {@link
 * AvaticaEnvelope} to an Avatica {@code Service} through Avatica's own protobuf handler, behind the
 * {@link AuthenticatingService} gate. The JDBC driver ({@code io.cesiumdb.jdbc}) is its client.
 *
 * <p>Request flow: envelope → {@link EnvelopeCodec} → {@code ProtobufHandler} (parse, dispatch,
 * serialize; exceptions → {@code ErrorResponse}) → {@link AuthenticatingService} (auth, connection
 * gate, SQLSTATE mapping) → {@code LocalService} → {@link Meta}.
 *
 * <p>Threading: {@code call} blocks while the {@code Meta} works, so the hosting gRPC server must
 * run services on an executor (the default), never {@code directExecutor()}. The server should also
 * accept messages of {@code ChannelOpener.MAX_MESSAGE_BYTES} (64 MiB) like the driver does.
 */
public final class SqlWireService extends SqlServiceGrpc.SqlServiceImplBase {
  private final ProtobufHandler handler;

  private SqlWireService(ProtobufHandler handler) {
    this.handler = handler;
  }

  /** The service over {@code meta}, the SQL engine's Avatica provider. */
  public static SqlWireService create(
      Meta meta, Authenticator authenticator, SqlWireConfig config) {
    return over(new LocalService(meta), authenticator, config);
  }

  /** The service over any Avatica {@code Service} (for example one wrapping a custom Meta). */
  public static SqlWireService over(
      Service service, Authenticator authenticator, SqlWireConfig config) {
    AuthenticatingService gate =
        new AuthenticatingService(service, authenticator, config.idleTimeout(), System::nanoTime);
    ProtobufHandler handler =
        new ProtobufHandler(gate, new ProtobufTranslationImpl(), NoopMetricsSystem.getInstance());
    RpcMetadataResponse metadata = new RpcMetadataResponse(config.nodeAddress());
    handler.setRpcMetadata(metadata);
    gate.setRpcMetadata(metadata);
    return new SqlWireService(handler);
  }

  @Override
  public void call(AvaticaEnvelope request, StreamObserver<AvaticaEnvelope> responses) {
    byte[] wireMessage;
    try {
      wireMessage = EnvelopeCodec.toRequestWireMessage(request);
    } catch (IllegalArgumentException e) {
      responses.onError(Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asException());
      return;
    }
    byte[] reply = handler.apply(wireMessage).getResponse();
    responses.onNext(EnvelopeCodec.toEnvelope(reply));
    responses.onCompleted();
  }
}
