package io.cesiumdb.sql.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cesiumdb.proto.sql.AvaticaEnvelope;
import io.cesiumdb.proto.sql.SqlServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.io.IOException;
import java.util.Map;
import org.apache.calcite.avatica.proto.Common.WireMessage;
import org.apache.calcite.avatica.proto.Responses;
import org.apache.calcite.avatica.remote.ProtobufTranslationImpl;
import org.apache.calcite.avatica.remote.Service;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gRPC service on an in-process channel, with envelopes built the way the driver builds them.
 */
class SqlWireServiceTest {
  private final ProtobufTranslationImpl translation = new ProtobufTranslationImpl();
  private final RecordingService meta = new RecordingService();
  private Server server;
  private ManagedChannel channel;
  private SqlServiceGrpc.SqlServiceBlockingStub stub;

  @BeforeEach
  void start() throws IOException {
    String name = InProcessServerBuilder.generateName();
    SqlWireService service =
        SqlWireService.over(
            meta.asService(),
            PasswordAuthenticator.of(Map.of("alice", "s3cret")),
            SqlWireConfig.defaults("node-1:7101"));
    server = InProcessServerBuilder.forName(name).addService(service).build().start();
    channel = InProcessChannelBuilder.forName(name).build();
    stub = SqlServiceGrpc.newBlockingStub(channel);
  }

  @AfterEach
  void stop() {
    channel.shutdownNow();
    server.shutdownNow();
  }

  @Test
  void openThenSyncRoundTripsThroughAvaticaProtobuf() throws IOException {
    var open =
        new Service.OpenConnectionRequest("c1", Map.of("user", "alice", "password", "s3cret"));
    assertEquals("OpenConnectionResponse", stub.call(envelope(open)).getType());

    AvaticaEnvelope sync =
        stub.call(
            envelope(
                new Service.ConnectionSyncRequest(
                    "c1", new org.apache.calcite.avatica.ConnectionPropertiesImpl())));
    assertEquals("ConnectionSyncResponse", sync.getType());
    assertEquals(2, meta.requests.size());
  }

  @Test
  void refusalIsAnErrorResponseWithSqlStateAndNode() throws IOException {
    var open = new Service.OpenConnectionRequest("c1", Map.of("user", "alice", "password", "x"));

    AvaticaEnvelope reply = stub.call(envelope(open));

    assertEquals("ErrorResponse", reply.getType());
    Responses.ErrorResponse error = Responses.ErrorResponse.parseFrom(reply.getBody());
    assertEquals("28P01", error.getSqlState());
    assertEquals("node-1:7101", error.getMetadata().getServerAddress());
  }

  @Test
  void unknownMessageTypeIsInvalidArgument() {
    AvaticaEnvelope bogus = AvaticaEnvelope.newBuilder().setType("no.such$Thing").build();
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> stub.call(bogus));
    assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
  }

  @Test
  void codecKeepsOnlyTheSimpleName() throws IOException {
    byte[] wire = translation.serializeResponse(new Service.CloseConnectionResponse());
    AvaticaEnvelope envelope = EnvelopeCodec.toEnvelope(wire);
    assertEquals("CloseConnectionResponse", envelope.getType());
    WireMessage back =
        WireMessage.parseFrom(
            EnvelopeCodec.toRequestWireMessage(
                envelope.toBuilder().setType("CommitRequest").build()));
    assertEquals("org.apache.calcite.avatica.proto.Requests$CommitRequest", back.getName());
  }

  private AvaticaEnvelope envelope(Service.Request request) throws IOException {
    WireMessage wire = WireMessage.parseFrom(translation.serializeRequest(request));
    String name = wire.getName();
    return AvaticaEnvelope.newBuilder()
        .setType(name.substring(name.lastIndexOf('$') + 1))
        .setBody(wire.getWrappedMessage())
        .build();
  }
}
