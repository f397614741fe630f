package io.cesiumdb.jdbc.transport;

import io.cesiumdb.proto.sql.AvaticaEnvelope;
import java.io.IOException;
import java.util.Optional;
import org.apache.calcite.avatica.remote.ProtobufService;
import org.apache.calcite.avatica.remote.ProtobufTranslation;
import org.apache.calcite.avatica.remote.ProtobufTranslationImpl;

/**
 * Avatica's client {@code Service} over gRPC: what Avatica's {@code RemoteProtobufService} is over
 * HTTP. Each request is serialized by Avatica's protobuf translation, carried in an {@link
 * AvaticaEnvelope} by a {@link FailoverTransport}, and the reply parsed back; an {@code
 * ErrorResponse} from the server becomes an {@code AvaticaClientRuntimeException} carrying the
 * server's SQLSTATE, which Avatica's JDBC objects turn into {@code SQLException}s.
 */
public final class GrpcAvaticaService extends ProtobufService implements AutoCloseable {
  private final FailoverTransport transport;
  private final long callTimeoutMillis;
  private final ProtobufTranslation translation = new ProtobufTranslationImpl();

  /**
   * @param callTimeoutMillis deadline of each call after the first (0 = none)
   */
  public GrpcAvaticaService(FailoverTransport transport, long callTimeoutMillis) {
    this.transport = transport;
    this.callTimeoutMillis = callTimeoutMillis;
  }

  @Override
  public Response _apply(Request request) {
    return call(request, callTimeoutMillis);
  }

  /** As {@link #_apply} with a deadline of its own (0 = none); for {@code isValid}. */
  public Response call(Request request, long timeoutMillis) {
    Response response;
    try {
      AvaticaEnvelope envelope = EnvelopeCodec.toEnvelope(translation.serializeRequest(request));
      AvaticaEnvelope reply = transport.call(envelope, timeoutMillis);
      response = translation.parseResponse(EnvelopeCodec.toResponseWireMessage(reply));
    } catch (IOException | IllegalArgumentException e) {
      throw TransportErrors.malformed(e);
    }
    if (response instanceof ErrorResponse error) {
      throw error.toException();
    }
    return response;
  }

  /** The node this connection is pinned to, once it answered. */
  public Optional<HostAndPort> node() {
    return transport.node();
  }

  @Override
  public void close() {
    transport.close();
  }
}
