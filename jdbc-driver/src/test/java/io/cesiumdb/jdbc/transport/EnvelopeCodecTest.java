package io.cesiumdb.jdbc.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cesiumdb.proto.sql.AvaticaEnvelope;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.proto.Common.WireMessage;
import org.apache.calcite.avatica.proto.Requests;
import org.apache.calcite.avatica.remote.ProtobufTranslationImpl;
import org.apache.calcite.avatica.remote.Service;
import org.junit.jupiter.api.Test;

class EnvelopeCodecTest {
  private final ProtobufTranslationImpl translation = new ProtobufTranslationImpl();

  @Test
  void requestTravelsAsItsSimpleNameAndBody() throws IOException {
    byte[] wire =
        translation.serializeRequest(
            new Service.OpenConnectionRequest("c1", Map.of("user", "alice")));

    AvaticaEnvelope envelope = EnvelopeCodec.toEnvelope(wire);

    assertEquals("OpenConnectionRequest", envelope.getType());
    Requests.OpenConnectionRequest body =
        Requests.OpenConnectionRequest.parseFrom(envelope.getBody());
    assertEquals("c1", body.getConnectionId());
    assertEquals("alice", body.getInfoMap().get("user"));
  }

  @Test
  void responseIsRebuiltForThisJarsAvatica() throws IOException {
    Service.ErrorResponse error =
        new Service.ErrorResponse(
            List.of(), "bad password", 0, "28P01", AvaticaSeverity.ERROR, null);
    WireMessage server = WireMessage.parseFrom(translation.serializeResponse(error));
    AvaticaEnvelope envelope =
        AvaticaEnvelope.newBuilder()
            .setType("ErrorResponse")
            .setBody(server.getWrappedMessage())
            .build();

    Service.Response parsed =
        translation.parseResponse(EnvelopeCodec.toResponseWireMessage(envelope));

    Service.ErrorResponse back = assertInstanceOf(Service.ErrorResponse.class, parsed);
    assertEquals("28P01", back.sqlState);
    assertEquals("bad password", back.errorMessage);
  }

  @Test
  void rejectsTypesThatAreNotSimpleNames() {
    AvaticaEnvelope sneaky = AvaticaEnvelope.newBuilder().setType("x.Evil$Type").build();
    assertThrows(IllegalArgumentException.class, () -> EnvelopeCodec.toResponseWireMessage(sneaky));
    AvaticaEnvelope empty = AvaticaEnvelope.getDefaultInstance();
    assertThrows(IllegalArgumentException.class, () -> EnvelopeCodec.toResponseWireMessage(empty));
  }

  @Test
  void simpleNameStripsPackageAndOuterClass() {
    assertEquals("ExecuteRequest", EnvelopeCodec.simpleName("a.b.Requests$ExecuteRequest"));
    assertEquals("X", EnvelopeCodec.simpleName("shaded.a.b.X"));
  }
}
