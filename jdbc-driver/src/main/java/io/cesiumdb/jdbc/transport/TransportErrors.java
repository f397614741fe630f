package io.cesiumdb.jdbc.transport;

import io.grpc.Status;
import java.util.List;
import org.apache.calcite.avatica.AvaticaClientRuntimeException;
import org.apache.calcite.avatica.AvaticaSeverity;

/**
 * Transport failures as the Avatica exceptions the JDBC layer turns into {@code SQLException}s. The
 * SQLSTATEs mirror {@code io.cesiumdb.common.error.ErrorCode} (the driver cannot depend on common):
 * class 08 only when the connection is really gone or was never made.
 */
final class TransportErrors {
  /** ErrorCode.CONNECTION_REFUSED: no listed node answered. */
  static final String CONNECTION_REFUSED = "08001";

  /** ErrorCode.CONNECTION_FAILURE: the node this connection lives on stopped answering. */
  static final String CONNECTION_FAILURE = "08006";

  /** The connection was closed by the application. */
  static final String CONNECTION_DOES_NOT_EXIST = "08003";

  /** ErrorCode.DEADLINE_EXCEEDED: the call's deadline passed; the connection may still be fine. */
  static final String QUERY_CANCELED = "57014";

  static final String INSUFFICIENT_RESOURCES = "53000";
  static final String FEATURE_NOT_SUPPORTED = "0A000";
  static final String INTERNAL = "XX000";

  private TransportErrors() {}

  static AvaticaClientRuntimeException noNodeAnswered(List<String> failures) {
    return error(
        CONNECTION_REFUSED, "no listed CesiumDB node answered: " + String.join("; ", failures));
  }

  static AvaticaClientRuntimeException closed() {
    return error(CONNECTION_DOES_NOT_EXIST, "connection is closed");
  }

  /** A message that could not be serialized or parsed: a bug or a version mismatch. */
  static AvaticaClientRuntimeException malformed(Exception cause) {
    AvaticaClientRuntimeException e = error(INTERNAL, "malformed Avatica message: " + cause);
    e.initCause(cause);
    return e;
  }

  /** A call on an established connection failed with {@code status}. */
  static AvaticaClientRuntimeException afterConnect(HostAndPort node, Status status) {
    String message = "node " + node + ": " + describe(status);
    return error(sqlStateOf(status.getCode()), message);
  }

  static String sqlStateOf(Status.Code code) {
    return switch (code) {
      case UNAVAILABLE -> CONNECTION_FAILURE;
      case DEADLINE_EXCEEDED, CANCELLED -> QUERY_CANCELED;
      case RESOURCE_EXHAUSTED -> INSUFFICIENT_RESOURCES;
      case UNIMPLEMENTED -> FEATURE_NOT_SUPPORTED;
      default -> INTERNAL;
    };
  }

  static String describe(Status status) {
    String text = status.getCode().toString();
    if (status.getDescription() != null) {
      text += " (" + status.getDescription() + ")";
    }
    return text;
  }

  private static AvaticaClientRuntimeException error(String sqlState, String message) {
    return new AvaticaClientRuntimeException(
        message, 0, sqlState, AvaticaSeverity.ERROR, List.of(), null);
  }
}
