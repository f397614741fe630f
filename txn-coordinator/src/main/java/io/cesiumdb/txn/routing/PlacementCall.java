package io.cesiumdb.txn.routing;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.errors.ErrorDetail;
import io.grpc.MethodDescriptor;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call to the placement driver's leader: the retry loop of {@link PlacementClient}. Exactly one
 * attempt in flight; steps hand over through futures, so the fields need no locks.
 */
final class PlacementCall<Req, Resp> {
  private static final Logger LOG = LoggerFactory.getLogger(PlacementCall.class);

  /** PD answers that mean "try another member". */
  private static final Set<ErrorCode> TRY_ELSEWHERE =
      EnumSet.of(
          ErrorCode.NOT_LEADER,
          ErrorCode.UNAVAILABLE,
          ErrorCode.DEADLINE_EXCEEDED,
          ErrorCode.SHUTTING_DOWN);

  private final PlacementClient pd;
  private final MethodDescriptor<Req, Resp> method;
  private final Req request;
  private final Function<Resp, ErrorDetail> errorOf;
  private final long deadlineNanos;
  private final long attemptTimeoutNanos;
  private final CompletableFuture<Resp> result = new CompletableFuture<>();
  private int cursor;
  private int failuresInRound;
  private int round;
  private String last = "no time left for an attempt";

  PlacementCall(
      PlacementClient pd,
      MethodDescriptor<Req, Resp> method,
      Req request,
      Function<Resp, ErrorDetail> errorOf,
      long deadlineNanos,
      long attemptTimeoutNanos) {
    this.pd = pd;
    this.method = method;
    this.request = request;
    this.errorOf = errorOf;
    this.deadlineNanos = deadlineNanos;
    this.attemptTimeoutNanos = attemptTimeoutNanos;
  }

  CompletableFuture<Resp> start() {
    step();
    return result;
  }

  /** Sends to the known leader, or first asks the next member where the leader is. */
  private void step() {
    try {
      if (pd.context().closed().getAsBoolean()) {
        result.completeExceptionally(
            new CesiumException(ErrorCode.SHUTTING_DOWN, "tablet router closed"));
        return;
      }
      long timeout = timeout();
      if (timeout <= 0) {
        result.completeExceptionally(
            new CesiumException(
                ErrorCode.UNAVAILABLE, method.getBareMethodName() + ": placement driver: " + last));
        return;
      }
      String known = pd.leader();
      if (known != null) {
        send(known, timeout);
        return;
      }
      String member = pd.members().get(cursor++ % pd.members().size());
      pd.discover(member, timeout)
          .whenComplete(
              (address, t) -> {
                if (t != null) {
                  tryElsewhere(member, unwrap(t).getMessage());
                } else {
                  send(address, timeout());
                }
              });
    } catch (RuntimeException e) {
      result.completeExceptionally(CesiumException.from(e));
    }
  }

  private void send(String address, long timeout) {
    UnaryAttempt.call(pd.channels().channel(address), method, request, Math.max(1, timeout))
        .whenComplete((r, t) -> onAnswer(address, r, t));
  }

  private void onAnswer(String address, UnaryAttempt.Result<Resp> r, Throwable t) {
    if (t != null || r.failure() != null) {
      String why = t != null ? unwrap(t).getMessage() : r.failure().getCode().toString();
      tryElsewhere(address, why);
      return;
    }
    ErrorDetail detail = errorOf.apply(r.response());
    if (!ErrorDetails.isError(detail)) {
      pd.leader(address);
      result.complete(r.response());
      return;
    }
    CesiumException e = ErrorDetails.toException(detail);
    String hint = detail.hasNotLeader() ? detail.getNotLeader().getLeaderAddress() : "";
    if (e.code() == ErrorCode.NOT_LEADER && !hint.isEmpty() && !hint.equals(address)) {
      LOG.debug("placement driver {} is not leader, follow to {}", address, hint);
      pd.leader(hint);
      countFailure(address + ": " + e.getMessage());
    } else if (TRY_ELSEWHERE.contains(e.code())) {
      tryElsewhere(address, e.getMessage());
    } else {
      result.completeExceptionally(e);
    }
  }

  private void tryElsewhere(String address, String why) {
    pd.forget(address);
    countFailure(address + ": " + why);
  }

  /** Counts a failed attempt; after a round over the members, pauses before the next step. */
  private void countFailure(String why) {
    last = why;
    if (++failuresInRound < pd.members().size() + 1) {
      step();
      return;
    }
    failuresInRound = 0;
    long delay = Math.min(pd.context().backoff().delayNanos(++round), Math.max(0, timeout()));
    try {
      pd.context().timer().schedule(this::step, delay);
    } catch (RejectedExecutionException closing) {
      result.completeExceptionally(
          new CesiumException(ErrorCode.SHUTTING_DOWN, "tablet router closed"));
    }
  }

  /** What is left of the deadline, capped by the attempt timeout. */
  private long timeout() {
    long left = deadlineNanos - System.nanoTime();
    return Math.min(left, attemptTimeoutNanos);
  }

  private static Throwable unwrap(Throwable t) {
    return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
  }
}
