package io.cesiumdb.txn.routing;

import com.google.protobuf.InvalidProtocolBufferException;
import io.cesiumdb.common.error.AbortReason;
import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.common.error.RetryHint;
import io.cesiumdb.proto.errors.ClockFenced;
import io.cesiumdb.proto.errors.ErrorDetail;
import io.cesiumdb.proto.errors.NotLeader;
import io.cesiumdb.proto.errors.TabletMoved;
import io.cesiumdb.proto.errors.TxnAborted;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import java.util.Optional;

/**
 * The one mapping between the wire's {@link ErrorDetail} and {@link CesiumException} in this
 * module, both ways. Codes travel as their stable ids ({@code "SQL-3"}); hints map one to one onto
 * {@link RetryHint}. Tablet ids are {@code uint64} on the wire and decimal strings (unsigned) in
 * {@code RetryHint}.
 *
 * <p>Lossy corners, on purpose: an unknown code id becomes {@code INTERNAL} with the id kept in the
 * message (a newer server must not make an older client crash); an unknown abort reason becomes a
 * null reason; a tablet id string that is not a number becomes 0; an unreadable {@code
 * TabletMoved.current} is dropped. {@code TabletMoved.current} travels as its serialized bytes in
 * {@link RetryHint.TabletMoved#currentDescriptor()} ({@code common} does not know protobuf).
 */
public final class ErrorDetails {
  private ErrorDetails() {}

  /** True if {@code detail} reports an error (present, with a code). */
  public static boolean isError(ErrorDetail detail) {
    return detail != null && !detail.getCode().isEmpty();
  }

  /** The exception a caller sees for {@code detail}: its code, message and hint. */
  public static CesiumException toException(ErrorDetail detail) {
    Optional<ErrorCode> code = ErrorCode.byId(detail.getCode());
    String message =
        code.isPresent()
            ? (detail.getMessage().isEmpty() ? code.get().description() : detail.getMessage())
            : "unknown error code '" + detail.getCode() + "': " + detail.getMessage();
    return new CesiumException(
        code.orElse(ErrorCode.INTERNAL), message, toHint(detail).orElse(null), null);
  }

  /** The hint {@code detail} carries, if any. */
  public static Optional<RetryHint> toHint(ErrorDetail detail) {
    return Optional.ofNullable(
        switch (detail.getHintCase()) {
          case NOT_LEADER -> {
            NotLeader h = detail.getNotLeader();
            yield new RetryHint.NotLeader(
                Long.toUnsignedString(h.getTabletId()), h.getLeaderNodeId(), h.getLeaderAddress());
          }
          case TABLET_MOVED -> {
            TabletMoved h = detail.getTabletMoved();
            yield new RetryHint.TabletMoved(
                Long.toUnsignedString(h.getTabletId()),
                h.getCallerEpoch(),
                h.getCurrentEpoch(),
                h.hasCurrent() ? h.getCurrent().toByteArray() : null);
          }
          case TXN_ABORTED -> {
            TxnAborted h = detail.getTxnAborted();
            yield new RetryHint.TxnAborted(h.getTxnId(), abortReason(h.getReason()));
          }
          case CLOCK_FENCED -> {
            ClockFenced h = detail.getClockFenced();
            yield new RetryHint.ClockFenced(h.getNodeId(), h.getExplanation());
          }
          case HINT_NOT_SET -> null;
        });
  }

  /**
   * The wire form of {@code e}. The message is the exception's own text without the {@code [CODE]}
   * prefix that {@link CesiumException#getMessage()} adds.
   */
  public static ErrorDetail toDetail(CesiumException e) {
    String message = e.getMessage();
    String prefix = "[" + e.code().id() + "] ";
    if (message.startsWith(prefix)) {
      message = message.substring(prefix.length());
    }
    return toDetail(e.code(), message, e.hint().orElse(null));
  }

  /** The wire form of a code, a message and an optional hint. */
  public static ErrorDetail toDetail(ErrorCode code, String message, RetryHint hint) {
    ErrorDetail.Builder b = ErrorDetail.newBuilder().setCode(code.id()).setMessage(message);
    if (hint instanceof RetryHint.NotLeader h) {
      b.setNotLeader(
          NotLeader.newBuilder()
              .setTabletId(tabletId(h.tabletId()))
              .setLeaderNodeId(h.leaderNodeId())
              .setLeaderAddress(h.leaderAddress()));
    } else if (hint instanceof RetryHint.TabletMoved h) {
      TabletMoved.Builder moved =
          TabletMoved.newBuilder()
              .setTabletId(tabletId(h.tabletId()))
              .setCallerEpoch(h.callerEpoch())
              .setCurrentEpoch(h.currentEpoch());
      decode(h.currentDescriptor()).ifPresent(moved::setCurrent);
      b.setTabletMoved(moved);
    } else if (hint instanceof RetryHint.TxnAborted h) {
      b.setTxnAborted(
          TxnAborted.newBuilder()
              .setTxnId(h.txnId())
              .setReason(h.reason() == null ? "" : h.reason().name()));
    } else if (hint instanceof RetryHint.ClockFenced h) {
      b.setClockFenced(
          ClockFenced.newBuilder().setNodeId(h.nodeId()).setExplanation(h.explanation()));
    }
    return b.build();
  }

  /**
   * The current descriptor a {@code TABLET_MOVED} error carries (the answering replica's view of
   * its tablet, range included), if {@code e} is one and it has one.
   */
  public static Optional<TabletDescriptor> currentDescriptor(CesiumException e) {
    if (e != null && e.hint().orElse(null) instanceof RetryHint.TabletMoved h) {
      return decode(h.currentDescriptor());
    }
    return Optional.empty();
  }

  /** A serialized descriptor, or empty when absent or unreadable (lossy on purpose, see above). */
  private static Optional<TabletDescriptor> decode(byte[] bytes) {
    if (bytes == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(TabletDescriptor.parseFrom(bytes));
    } catch (InvalidProtocolBufferException unreadable) {
      return Optional.empty();
    }
  }

  private static AbortReason abortReason(String name) {
    try {
      return name.isEmpty() ? null : AbortReason.valueOf(name);
    } catch (IllegalArgumentException unknown) {
      return null;
    }
  }

  private static long tabletId(String id) {
    try {
      return id == null || id.isEmpty() ? 0 : Long.parseUnsignedLong(id);
    } catch (NumberFormatException notANumber) {
      return 0;
    }
  }
}
