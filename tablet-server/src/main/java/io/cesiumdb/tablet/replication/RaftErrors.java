package io.cesiumdb.tablet.replication;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.protocol.exceptions.AlreadyClosedException;
import org.apache.ratis.protocol.exceptions.GroupMismatchException;
import org.apache.ratis.protocol.exceptions.LeaderNotReadyException;
import org.apache.ratis.protocol.exceptions.LeaderSteppingDownException;
import org.apache.ratis.protocol.exceptions.NotLeaderException;
import org.apache.ratis.protocol.exceptions.ReadException;
import org.apache.ratis.protocol.exceptions.ReadIndexException;
import org.apache.ratis.protocol.exceptions.ResourceUnavailableException;
import org.apache.ratis.protocol.exceptions.ServerNotReadyException;
import org.apache.ratis.protocol.exceptions.StateMachineException;
import org.apache.ratis.protocol.exceptions.TimeoutIOException;

/**
 * Translates Ratis' exceptions (from a reply or a failed future) into {@link CesiumException}s with
 * stable codes. The rpc package turns those into wire errors; nothing above this class sees Ratis
 * types.
 */
final class RaftErrors {
  private RaftErrors() {}

  /**
   * Maps {@code failure}; {@code notLeader} builds the NOT_LEADER error with its hint from a
   * suggested leader (null when unknown).
   */
  static CesiumException map(Throwable failure, Function<RaftPeerId, CesiumException> notLeader) {
    Throwable t = unwrap(failure);
    if (t instanceof CesiumException ce) {
      return ce.code() == ErrorCode.NOT_LEADER && ce.hint().isEmpty() ? notLeader.apply(null) : ce;
    }
    if (t instanceof NotLeaderException nle) {
      RaftPeer suggested = nle.getSuggestedLeader();
      return notLeader.apply(suggested == null ? null : suggested.getId());
    }
    if (t instanceof LeaderSteppingDownException || t instanceof ReadIndexException) {
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
    if (t instanceof TimeoutException
        || t instanceof TimeoutIOException
        || t instanceof ReadException) {
      return new CesiumException(ErrorCode.RAFT_TIMEOUT, String.valueOf(t.getMessage()), t);
    }
    if (t instanceof GroupMismatchException) {
      return new CesiumException(ErrorCode.TABLET_NOT_FOUND, t.getMessage(), t);
    }
    if (t instanceof AlreadyClosedException) {
      return new CesiumException(ErrorCode.SHUTTING_DOWN, t.getMessage(), t);
    }
    return CesiumException.from(t);
  }

  private static Throwable unwrap(Throwable t) {
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
