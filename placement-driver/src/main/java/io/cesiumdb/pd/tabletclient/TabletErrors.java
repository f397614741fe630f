package io.cesiumdb.pd.tabletclient;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.common.error.RetryHint;
import io.cesiumdb.proto.errors.ErrorDetail;
import io.cesiumdb.proto.errors.NotLeader;
import io.cesiumdb.proto.errors.TabletMoved;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The one place where tablet-RPC failures change shape: a response's {@link ErrorDetail} or a gRPC
 * status becomes a {@link CesiumException} with a stable code and, for NOT_LEADER and TABLET_MOVED,
 * the retry hint. Also decides which failures a leader call retries elsewhere.
 */
public final class TabletErrors {
  private TabletErrors() {}

  /** The exception of a response error (an unknown code id becomes INTERNAL). */
  public static CesiumException fromDetail(ErrorDetail e) {
    ErrorCode code = ErrorCode.byId(e.getCode()).orElse(ErrorCode.INTERNAL);
    return new CesiumException(code, e.getMessage(), hint(e), null);
  }

  private static RetryHint hint(ErrorDetail e) {
    if (e.hasNotLeader()) {
      NotLeader n = e.getNotLeader();
      return new RetryHint.NotLeader(
          Long.toUnsignedString(n.getTabletId()), n.getLeaderNodeId(), n.getLeaderAddress());
    }
    if (e.hasTabletMoved()) {
      TabletMoved m = e.getTabletMoved();
      return new RetryHint.TabletMoved(
          Long.toUnsignedString(m.getTabletId()),
          m.getCallerEpoch(),
          m.getCurrentEpoch(),
          m.hasCurrent() ? m.getCurrent().toByteArray() : null);
    }
    return null;
  }

  /** Any failure of a call as a {@link CesiumException}; gRPC statuses map to stable codes. */
  public static CesiumException from(Throwable failure, String what) {
    Throwable t = unwrap(failure);
    if (t instanceof CesiumException ce) {
      return ce;
    }
    if (t instanceof StatusRuntimeException sre) {
      return fromStatus(sre.getStatus(), what, t);
    }
    return new CesiumException(ErrorCode.INTERNAL, what + ": " + t, t);
  }

  private static CesiumException fromStatus(Status status, String what, Throwable t) {
    String message = what + ": " + status.getCode() + " " + status.getDescription();
    ErrorCode code =
        switch (status.getCode()) {
          case DEADLINE_EXCEEDED -> ErrorCode.DEADLINE_EXCEEDED;
          case UNIMPLEMENTED -> ErrorCode.FEATURE_NOT_SUPPORTED;
          case INVALID_ARGUMENT -> ErrorCode.INVALID_ARGUMENT;
          case CANCELLED -> ErrorCode.SHUTTING_DOWN;
          case INTERNAL, UNKNOWN, DATA_LOSS -> ErrorCode.INTERNAL;
          default -> ErrorCode.UNAVAILABLE;
        };
    return new CesiumException(code, message, t);
  }

  /**
   * Whether a leader call should try again (elsewhere, after a backoff): retryable codes except
   * TABLET_MOVED, which says the request itself is stale.
   */
  public static boolean worthRetrying(CesiumException e) {
    return e.isRetryable() && e.code() != ErrorCode.TABLET_MOVED;
  }

  static Throwable unwrap(Throwable t) {
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
