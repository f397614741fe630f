package io.cesiumdb.tablet.rpc;

import com.google.protobuf.InvalidProtocolBufferException;
import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.common.error.RetryHint;
import io.cesiumdb.proto.errors.ClockFenced;
import io.cesiumdb.proto.errors.ErrorDetail;
import io.cesiumdb.proto.errors.NotLeader;
import io.cesiumdb.proto.errors.TabletMoved;
import io.cesiumdb.proto.errors.TxnAborted;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where tablet-server failures become wire errors: any {@link Throwable} becomes an
 * {@link ErrorDetail} with the stable code id of its {@link CesiumException} (INTERNAL for anything
 * else, logged) and the retry hint as the matching oneof case.
 */
public final class ErrorDetails {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorDetails.class);

  private ErrorDetails() {}

  public static ErrorDetail of(Throwable failure) {
    CesiumException e = toCesium(failure);
    if (e.code() == ErrorCode.INTERNAL) {
      LOG.warn("Internal error in a tablet RPC", failure);
    }
    ErrorDetail.Builder b =
        ErrorDetail.newBuilder().setCode(e.code().id()).setMessage(String.valueOf(e.getMessage()));
    e.hint().ifPresent(hint -> setHint(b, hint));
    return b.build();
  }

  private static CesiumException toCesium(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof CesiumException ce) {
        return ce;
      }
      if (t instanceof RejectedExecutionException) {
        return new CesiumException(ErrorCode.SHUTTING_DOWN, "tablet server is stopping", t);
      }
    }
    return CesiumException.from(failure);
  }

  private static void setHint(ErrorDetail.Builder b, RetryHint hint) {
    if (hint instanceof RetryHint.NotLeader h) {
      b.setNotLeader(
          NotLeader.newBuilder()
              .setTabletId(tabletId(h.tabletId()))
              .setLeaderNodeId(nullToEmpty(h.leaderNodeId()))
              .setLeaderAddress(nullToEmpty(h.leaderAddress())));
    } else if (hint instanceof RetryHint.TabletMoved h) {
      TabletMoved.Builder moved =
          TabletMoved.newBuilder()
              .setTabletId(tabletId(h.tabletId()))
              .setCallerEpoch(h.callerEpoch())
              .setCurrentEpoch(h.currentEpoch());
      current(h.currentDescriptor(), moved);
      b.setTabletMoved(moved);
    } else if (hint instanceof RetryHint.TxnAborted h) {
      b.setTxnAborted(
          TxnAborted.newBuilder()
              .setTxnId(nullToEmpty(h.txnId()))
              .setReason(h.reason() == null ? "" : h.reason().name()));
    } else if (hint instanceof RetryHint.ClockFenced h) {
      b.setClockFenced(
          ClockFenced.newBuilder()
              .setNodeId(nullToEmpty(h.nodeId()))
              .setExplanation(nullToEmpty(h.explanation())));
    }
  }

  private static void current(byte[] descriptor, TabletMoved.Builder moved) {
    if (descriptor == null) {
      return;
    }
    try {
      moved.setCurrent(TabletDescriptor.parseFrom(descriptor));
    } catch (InvalidProtocolBufferException e) {
      LOG.warn("Dropping an unreadable descriptor from a TABLET_MOVED hint", e);
    }
  }

  private static long tabletId(String id) {
    try {
      return Long.parseUnsignedLong(id);
    } catch (NumberFormatException | NullPointerException e) {
      return 0;
    }
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
