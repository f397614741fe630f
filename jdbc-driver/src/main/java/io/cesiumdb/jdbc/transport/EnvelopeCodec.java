package io.cesiumdb.jdbc.transport;

import com.google.protobuf.InvalidProtocolBufferException;
import io.cesiumdb.proto.sql.AvaticaEnvelope;
import org.apache.calcite.avatica.proto.Common.WireMessage;
import org.apache.calcite.avatica.proto.Responses;

/**
 * Converts between Avatica's {@code WireMessage} (what {@code ProtobufTranslation} produces and
 * parses) and the {@link AvaticaEnvelope} of {@code sql.proto}. A WireMessage names its payload by
 * Java class name, which relocation inside the driver jar changes; the envelope carries the simple
 * name, and each side rebuilds the class name from the Avatica classes it actually has. The mirror
 * of this class on the server is {@code io.cesiumdb.sql.wire.EnvelopeCodec}.
 */
public final class EnvelopeCodec {
  private EnvelopeCodec() {}

  /** Wraps a serialized Avatica request for the wire. */
  public static AvaticaEnvelope toEnvelope(byte[] wireMessage) {
    WireMessage message;
    try {
      message = WireMessage.parseFrom(wireMessage);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("not an Avatica WireMessage", e);
    }
    return AvaticaEnvelope.newBuilder()
        .setType(simpleName(message.getName()))
        .setBody(message.getWrappedMessage())
        .build();
  }

  /** Unwraps a server response into the WireMessage this jar's Avatica can parse. */
  public static byte[] toResponseWireMessage(AvaticaEnvelope envelope) {
    String type = envelope.getType();
    if (type.isEmpty() || !type.chars().allMatch(Character::isLetterOrDigit)) {
      throw new IllegalArgumentException("bad Avatica message type '" + type + "'");
    }
    return WireMessage.newBuilder()
        .setName(Responses.class.getName() + "$" + type)
        .setWrappedMessage(envelope.getBody())
        .build()
        .toByteArray();
  }

  /** {@code a.b.Outer$Inner} → {@code Inner}. */
  static String simpleName(String className) {
    int cut = Math.max(className.lastIndexOf('$'), className.lastIndexOf('.'));
    return className.substring(cut + 1);
  }
}
