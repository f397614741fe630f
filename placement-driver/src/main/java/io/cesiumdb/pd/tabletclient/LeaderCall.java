package io.cesiumdb.pd.tabletclient;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.common.error.RetryHint;
import io.cesiumdb.proto.tablet.ReplicaDescriptor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One call that must reach a tablet's Raft leader, retried until a deadline:
 *
 * <ol>
 *   <li>the route's leader hint first (else the first live replica);
 *   <li>after NOT_LEADER naming a leader, that leader next (at once the first time, then with the
 *       backoff, so two replicas naming each other do not spin);
 *   <li>after NOT_LEADER without a name, or any other retryable failure, the next replica of the
 *       route's rotation, after a backoff (20 ms doubling to 500 ms).
 * </ol>
 *
 * A non-retryable failure (or TABLET_MOVED) ends the call; at the deadline the last failure does.
 * Each attempt gets {@code min(perAttempt, time left)}.
 *
 * @param <R> the response type; attempts fail their future for error responses
 */
final class LeaderCall<R> {
  /** One attempt against one replica, bounded by {@code timeout}. */
  interface Attempt<R> {
    CompletableFuture<R> call(ReplicaDescriptor target, Duration timeout);
  }

  private static final long FIRST_BACKOFF_MS = 20;
  private static final long MAX_BACKOFF_MS = 500;

  private final Predicate<CesiumException> retry;
  private final TabletRoute route;
  private final Attempt<R> attempt;
  private final Duration perAttempt;
  private final ScheduledExecutorService timer;
  private final long deadlineNanos;
  private final List<ReplicaDescriptor> rotation;
  private final CompletableFuture<R> result = new CompletableFuture<>();
  private int next;
  private long backoffMs = FIRST_BACKOFF_MS;
  private boolean redirected;

  LeaderCall(
      TabletRoute route,
      Attempt<R> attempt,
      Duration perAttempt,
      Duration total,
      ScheduledExecutorService timer) {
    this(route, attempt, perAttempt, total, timer, TabletErrors::worthRetrying);
  }

  /**
   * A call that retries only the failures {@code retry} accepts (plus the deadline): for example a
   * leadership transfer that timed out is not tried again, since the group pauses writes during
   * every attempt.
   */
  LeaderCall(
      TabletRoute route,
      Attempt<R> attempt,
      Duration perAttempt,
      Duration total,
      ScheduledExecutorService timer,
      Predicate<CesiumException> retry) {
    this.retry = retry;
    this.route = route;
    this.attempt = attempt;
    this.perAttempt = perAttempt;
    this.timer = timer;
    this.deadlineNanos = System.nanoTime() + total.toNanos();
    this.rotation = route.rotation();
  }

  CompletableFuture<R> run() {
    if (rotation.isEmpty()) {
      result.completeExceptionally(
          new CesiumException(
              ErrorCode.INVALID_ARGUMENT, "tablet " + route.tabletId() + " has no replicas"));
    } else {
      tryOn(rotation.get(next++ % rotation.size()));
    }
    return result;
  }

  private void tryOn(ReplicaDescriptor target) {
    long left = deadlineNanos - System.nanoTime();
    Duration timeout = Duration.ofNanos(Math.max(1, Math.min(left, perAttempt.toNanos())));
    CompletableFuture<R> f;
    try {
      f = attempt.call(target, timeout);
    } catch (RuntimeException e) {
      f = CompletableFuture.failedFuture(e);
    }
    f.whenComplete(
        (r, t) -> {
          if (t == null) {
            result.complete(r);
          } else {
            onFailure(target, TabletErrors.from(t, "tablet " + route.tabletId()));
          }
        });
  }

  private void onFailure(ReplicaDescriptor tried, CesiumException e) {
    if (!retry.test(e) || System.nanoTime() >= deadlineNanos) {
      result.completeExceptionally(e);
      return;
    }
    ReplicaDescriptor named = namedLeader(e, tried);
    ReplicaDescriptor target = named != null ? named : rotation.get(next++ % rotation.size());
    if (named != null && !redirected) {
      redirected = true; // the first redirect goes at once; later ones back off (ping-pong)
      tryOn(target);
      return;
    }
    long delay = backoffMs;
    backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
    try {
      timer.schedule(() -> tryOn(target), delay, TimeUnit.MILLISECONDS);
    } catch (RuntimeException rejected) {
      result.completeExceptionally(
          new CesiumException(ErrorCode.SHUTTING_DOWN, "tablet admin is closing", rejected));
    }
  }

  /** The leader a NOT_LEADER names, if it is not the replica that just answered. */
  private ReplicaDescriptor namedLeader(CesiumException e, ReplicaDescriptor tried) {
    if (e.code() != ErrorCode.NOT_LEADER
        || !(e.hint().orElse(null) instanceof RetryHint.NotLeader hint)) {
      return null;
    }
    String id = hint.leaderNodeId() == null ? "" : hint.leaderNodeId();
    String address = hint.leaderAddress() == null ? "" : hint.leaderAddress();
    if (id.isEmpty() || id.equals(tried.getNodeId())) {
      return null;
    }
    return route
        .replica(id)
        .orElseGet(
            () ->
                address.isEmpty()
                    ? null
                    : ReplicaDescriptor.newBuilder()
                        .setNodeId(id)
                        .setTabletAddress(address)
                        .build());
  }
}
