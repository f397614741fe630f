package io.cesiumdb.txn.routing;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.common.error.ErrorGroup;
import io.cesiumdb.common.error.RetryHint;
import io.cesiumdb.proto.errors.ErrorDetail;
import io.cesiumdb.proto.errors.NotLeader;
import io.cesiumdb.proto.tablet.ReplicaDescriptor;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import io.grpc.Status;
import java.util.EnumSet;
import java.util.Set;

/**
 * Decides what the router does after one attempt. The whole retry policy is in this file:
 *
 * <pre>
 *  answer                                     read / scan / status     write
 *  ok                                         SUCCESS                  SUCCESS
 *  RTE-1 NOT_LEADER with a usable hint        REDIRECT to the leader   REDIRECT
 *  RTE-1 NOT_LEADER without one               NEXT_REPLICA             NEXT_REPLICA
 *  RTE-3 TABLET_NOT_FOUND, REP-1 (not hosted) NEXT_REPLICA             NEXT_REPLICA
 *  RTE-2 TABLET_MOVED                         REFRESH_DESCRIPTOR       REFRESH_DESCRIPTOR
 *  CMN-3/4/5, REP-2, CLK-1 (can't serve now)  NEXT_REPLICA             FAIL (may have run)
 *  any other code (SQL-3, TXN-1, ...)         FAIL                     FAIL
 *  transport UNAVAILABLE/DEADLINE/CANCELLED   NEXT_REPLICA             NEXT_REPLICA if not
 *                                                                      delivered, else FAIL
 *  other transport status                     FAIL (INTERNAL)          FAIL (INTERNAL)
 * </pre>
 *
 * <p>Stale descriptors: a "not hosted" answer, or a not-leader hint naming a node that is not in
 * the caller's descriptor, shows the group's membership moved on ({@link #showsStaleDescriptor}). A
 * key-addressed call that meets such answers in two rounds in a row (or "not hosted" from every
 * replica) fails with a stale-routing code so that {@link KeyRouter} re-resolves the key; without
 * it, a leader added since the descriptor was cached stays unreachable (CI, 2026-11-23).
 *
 * <p>A write is retried only when the request provably was not processed: a not-leader or
 * not-hosted answer, or a transport failure before the request reached a stream ({@link
 * UnaryAttempt}). HAZARD: a write that failed after delivery (timeout, connection lost) may have
 * been applied; retrying it would apply it twice (at-least-once). Such a write fails with a
 * retryable {@code UNAVAILABLE} or {@code DEADLINE_EXCEEDED} and the caller decides; issue 5's
 * transactions make that retry safe (idempotent commit by transaction id).
 *
 * <p>Stateless; pure functions of their inputs.
 */
final class RetryClassifier {
  private RetryClassifier() {}

  /** What to do next. */
  enum Action {
    SUCCESS,
    REDIRECT,
    NEXT_REPLICA,
    REFRESH_DESCRIPTOR,
    FAIL
  }

  /**
   * @param action the next step
   * @param error the error of the attempt (null on success)
   * @param leader where to go for {@link Action#REDIRECT}, else null
   */
  record Decision(Action action, CesiumException error, Endpoint leader) {
    static final Decision SUCCESS = new Decision(Action.SUCCESS, null, null);
  }

  /** Codes that say "not here", never "tried and failed": safe to retry anything elsewhere. */
  private static final Set<ErrorCode> NOT_HOSTED =
      EnumSet.of(ErrorCode.TABLET_NOT_FOUND, ErrorCode.RAFT_GROUP_NOT_FOUND);

  /** Codes that say "this replica can't serve now": reads go elsewhere, writes fail. */
  private static final Set<ErrorCode> CANNOT_SERVE_NOW =
      EnumSet.of(
          ErrorCode.UNAVAILABLE,
          ErrorCode.DEADLINE_EXCEEDED,
          ErrorCode.SHUTTING_DOWN,
          ErrorCode.RAFT_TIMEOUT,
          ErrorCode.REPLICA_BEHIND,
          ErrorCode.CLOCK_FENCED);

  /**
   * Codes a caller must not see when the router gives up: they describe routing, not the request
   * ({@code RTE-*}, "group not hosted here", "replica behind"). The router reports {@code
   * UNAVAILABLE} instead.
   */
  static boolean isRoutingCode(ErrorCode code) {
    return code.group() == ErrorGroup.ROUTING
        || code == ErrorCode.RAFT_GROUP_NOT_FOUND
        || code == ErrorCode.REPLICA_BEHIND;
  }

  /** True for answers that mean "this replica does not host the tablet". */
  static boolean isNotHosted(ErrorCode code) {
    return NOT_HOSTED.contains(code);
  }

  /**
   * True for answers that show the caller's descriptor is stale: "not hosted here", or a not-leader
   * hint naming a node that is not a replica of {@code d} (the group's membership changed since).
   */
  static boolean showsStaleDescriptor(CesiumException e, TabletDescriptor d) {
    if (isNotHosted(e.code())) {
      return true;
    }
    if (e.code() != ErrorCode.NOT_LEADER
        || !(e.hint().orElse(null) instanceof RetryHint.NotLeader h)
        || h.leaderNodeId() == null
        || h.leaderNodeId().isEmpty()) {
      return false;
    }
    return d.getReplicasList().stream().noneMatch(r -> r.getNodeId().equals(h.leaderNodeId()));
  }

  static <Resp> Decision classify(
      TabletRpc<?, Resp> rpc, UnaryAttempt.Result<Resp> r, TabletDescriptor d, Endpoint target) {
    if (r.failure() != null) {
      return ofTransport(rpc, r.failure(), r.delivered(), target);
    }
    ErrorDetail error = rpc.errorIn(r.response());
    return error == null ? Decision.SUCCESS : ofDetail(rpc, error, d, target);
  }

  static Decision ofDetail(
      TabletRpc<?, ?> rpc, ErrorDetail detail, TabletDescriptor d, Endpoint target) {
    CesiumException e = ErrorDetails.toException(detail);
    ErrorCode code = e.code();
    if (code == ErrorCode.NOT_LEADER) {
      Endpoint leader = leaderFrom(detail.getNotLeader(), d);
      boolean usable = leader != null && !leader.address().equals(target.address());
      return new Decision(usable ? Action.REDIRECT : Action.NEXT_REPLICA, e, leader);
    }
    if (code == ErrorCode.TABLET_MOVED) {
      return new Decision(Action.REFRESH_DESCRIPTOR, e, null);
    }
    if (NOT_HOSTED.contains(code) || (CANNOT_SERVE_NOW.contains(code) && !rpc.isWrite())) {
      return new Decision(Action.NEXT_REPLICA, e, null);
    }
    return new Decision(Action.FAIL, e, null);
  }

  static Decision ofTransport(
      TabletRpc<?, ?> rpc, Status status, boolean delivered, Endpoint target) {
    Status.Code c = status.getCode();
    boolean retryable =
        c == Status.Code.UNAVAILABLE
            || c == Status.Code.DEADLINE_EXCEEDED
            || c == Status.Code.CANCELLED;
    ErrorCode code =
        c == Status.Code.DEADLINE_EXCEEDED
            ? ErrorCode.DEADLINE_EXCEEDED
            : retryable ? ErrorCode.UNAVAILABLE : ErrorCode.INTERNAL;
    String what = rpc.name() + " to " + target + ": " + c + describe(status);
    if (!retryable) {
      return fail(code, what, status);
    }
    if (rpc.isWrite() && delivered) {
      return fail(code, what + "; the write was sent and may or may not have been applied", status);
    }
    return new Decision(
        Action.NEXT_REPLICA, new CesiumException(code, what, status.asRuntimeException()), null);
  }

  /** The leader a hint names: its address, or else the replica of the descriptor with its id. */
  static Endpoint leaderFrom(NotLeader hint, TabletDescriptor d) {
    if (!hint.getLeaderAddress().isEmpty()) {
      return new Endpoint(hint.getLeaderNodeId(), hint.getLeaderAddress());
    }
    if (hint.getLeaderNodeId().isEmpty()) {
      return null;
    }
    for (ReplicaDescriptor r : d.getReplicasList()) {
      if (r.getNodeId().equals(hint.getLeaderNodeId()) && !r.getTabletAddress().isEmpty()) {
        return Endpoint.of(r);
      }
    }
    return null;
  }

  private static Decision fail(ErrorCode code, String message, Status status) {
    return new Decision(
        Action.FAIL, new CesiumException(code, message, status.asRuntimeException()), null);
  }

  private static String describe(Status s) {
    return s.getDescription() == null ? "" : " (" + s.getDescription() + ")";
  }
}
