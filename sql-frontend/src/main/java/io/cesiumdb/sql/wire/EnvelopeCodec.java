package io.cesiumdb.sql.wire;

import com.google.protobuf.InvalidProtocolBufferException;
import io.cesiumdb.proto.sql.AvaticaEnvelope;
import org.apache.calcite.avatica.proto.Common.WireMessage;
import org.apache.calcite.avatica.proto.Requests;

/**
 * Converts between the {@link AvaticaEnvelope} of {@code sql.proto} and Avatica's {@code
 * WireMessage}, which names its payload by Java class name. The envelope carries the simple name
 * ({@code ExecuteRequest}); this side rebuilds the class name from the Avatica it has, so a client
 * that relocated Avatica (the driver jar does) still speaks the same protocol. Mirror of {@code
 * io.cesiumdb.jdbc.transport.EnvelopeCodec} in the driver.
 */
final class EnvelopeCodec {
  private EnvelopeCodec() {}

  /** The WireMessage bytes Avatica's ProtobufHandler parses. */
  static byte[] toRequestWireMessage(AvaticaEnvelope envelope) {
    String type = envelope.getType();
    if (type.isEmpty() || !type.chars().allMatch(Character::isLetterOrDigit)) {
      throw new IllegalArgumentException("bad Avatica message type '" + type + "'");
    }
    return WireMessage.newBuilder()
        .setName(Requests.class.getName() + "$" + type)
        .setWrappedMessage(envelope.getBody())
        .build()
        .toByteArray();
  }

  /** Wraps the WireMessage bytes Avatica's ProtobufHandler produced. */
  static AvaticaEnvelope toEnvelope(byte[] wireMessage) {
    WireMessage message;
    try {
      message = WireMessage.parseFrom(wireMessage);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("Avatica produced a malformed WireMessage", e);
    }
    String name = message.getName();
    String type = name.substring(Math.max(name.lastIndexOf('$'), name.lastIndexOf('.')) + 1);
    return AvaticaEnvelope.newBuilder().setType(type).setBody(message.getWrappedMessage()).build();
  }
}
