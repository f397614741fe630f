package io.cesiumdb.pd.service;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.common.error.RetryHint;
import io.cesiumdb.proto.errors.ErrorDetail;
import io.cesiumdb.proto.errors.NotLeader;
import io.cesiumdb.proto.errors.TabletMoved;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.protocol.exceptions.AlreadyClosedException;
import org.apache.ratis.protocol.exceptions.LeaderNotReadyException;
import org.apache.ratis.protocol.exceptions.LeaderSteppingDownException;
import org.apache.ratis.protocol.exceptions.NotLeaderException;
import org.apache.ratis.protocol.exceptions.ResourceUnavailableException;
import org.apache.ratis.protocol.exceptions.ServerNotReadyException;
import org.apache.ratis.protocol.exceptions.StateMachineException;
import org.apache.ratis.protocol.exceptions.TimeoutIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where PD failures change shape: Ratis exceptions become {@link CesiumException}s
 * with stable codes ({@link #map}), and any failure becomes a wire {@link ErrorDetail} ({@link
 * #detail}). Nothing above this class sees Ratis types.
 */
final class PdErrors {
  private static final Logger LOG = LoggerFactory.getLogger(PdErrors.class);

  private PdErrors() {}

  /** Maps a Ratis failure; {@code notLeader} builds NOT_LEADER from a suggested leader or null. */
  static CesiumException map(Throwable failure, Function<RaftPeerId, CesiumException> notLeader) {
    Throwable t = unwrap(failure);
    if (t instanceof CesiumException ce) {
      return ce.code() == ErrorCode.NOT_LEADER && ce.hint().isEmpty() ? notLeader.apply(null) : ce;
    }
    if (t instanceof NotLeaderException nle) {
      RaftPeer suggested = nle.getSuggestedLeader();
      return notLeader.apply(suggested == null ? null : suggested.getId());
    }
    if (t instanceof LeaderSteppingDownException) {
      return notLeader.apply(null);
    }
    if (t instanceof StateMachineException && t.getCause() != null) {
      return map(t.getCause(), notLeader);
    }
    if (t instanceof LeaderNotReadyException
        || t instanceof ResourceUnavailableException
        || t instanceof ServerNotReadyException) {
      return new CesiumException(ErrorCode.UNAVAILABLE, t.getMessage(), t);
    }
    if (t instanceof TimeoutException || t instanceof TimeoutIOException) {
      return new CesiumException(
          ErrorCode.RAFT_TIMEOUT, "placement driver: " + String.valueOf(t.getMessage()), t);
    }
    if (t instanceof AlreadyClosedException || t instanceof RejectedExecutionException) {
      return new CesiumException(ErrorCode.SHUTTING_DOWN, "placement driver is stopping", t);
    }
    return CesiumException.from(t);
  }

  /** The wire error of any failure: code id, message, and the NOT_LEADER / TABLET_MOVED hint. */
  static ErrorDetail detail(Throwable failure) {
    CesiumException e = map(failure, leader -> new CesiumException(ErrorCode.NOT_LEADER, "?"));
    if (e.code() == ErrorCode.INTERNAL) {
      LOG.warn("Internal error in a PlacementService RPC", failure);
    }
    ErrorDetail.Builder b =
        ErrorDetail.newBuilder().setCode(e.code().id()).setMessage(String.valueOf(e.getMessage()));
    e.hint()
        .ifPresent(
            hint -> {
              if (hint instanceof RetryHint.NotLeader h) {
                b.setNotLeader(
                    NotLeader.newBuilder()
                        .setLeaderNodeId(nullToEmpty(h.leaderNodeId()))
                        .setLeaderAddress(nullToEmpty(h.leaderAddress())));
              } else if (hint instanceof RetryHint.TabletMoved h) {
                b.setTabletMoved(
                    TabletMoved.newBuilder()
                        .setTabletId(parseId(h.tabletId()))
                        .setCallerEpoch(h.callerEpoch())
                        .setCurrentEpoch(h.currentEpoch()));
              }
            });
    return b.build();
  }

  private static Throwable unwrap(Throwable t) {
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private static long parseId(String id) {
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
