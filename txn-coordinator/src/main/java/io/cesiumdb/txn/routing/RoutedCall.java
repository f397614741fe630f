package io.cesiumdb.txn.routing;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.tablet.ReplicaDescriptor;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import io.cesiumdb.txn.routing.RetryClassifier.Decision;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One routed request: the retry loop. Sends an attempt to the endpoint {@link TargetSelector}
 * picks, asks {@link RetryClassifier} what the answer means, and either completes the caller's
 * future, redirects, moves on to the next replica, refreshes the descriptor, or fails. After every
 * round of attempts (one per replica) that did not succeed it pauses for a {@link Backoff} delay.
 * It stops at the overall deadline, or at the attempt limit, with {@link #giveUp()}.
 *
 * <p>Threading: exactly one attempt is in flight at a time, so the fields need no locks; each step
 * runs on the thread that completed the previous one (a channel callback thread, or the router's
 * timer after a backoff) and hands over through a {@link CompletableFuture}, which orders memory.
 * Nothing here blocks.
 */
final class RoutedCall<Req, Resp> {
  private static final Logger LOG = LoggerFactory.getLogger(RoutedCall.class);

  private final RouterContext ctx;
  private final TabletRpc<Req, Resp> rpc;
  private final RoutingMode mode;
  private final TargetSelector selector;
  private final long deadlineNanos;
  private final boolean keyed;
  private final CompletableFuture<Resp> result = new CompletableFuture<>();
  private TabletDescriptor descriptor;
  private Req request;
  private int attempts;
  private int roundAttempts;
  private int round;
  private int notHostedInRound;
  private CesiumException staleInRound;
  private int staleRounds;
  private CesiumException lastError;

  /** The last failed answer of each endpoint tried, for the give-up message. */
  private final Map<Endpoint, String> lastAnswers = new LinkedHashMap<>();

  RoutedCall(
      RouterContext ctx,
      TabletRpc<Req, Resp> rpc,
      TabletDescriptor descriptor,
      Req request,
      RoutingMode mode,
      ReplicaDescriptor fixed,
      long deadlineNanos,
      boolean keyed) {
    this.ctx = ctx;
    this.rpc = rpc;
    this.mode = mode;
    this.descriptor = descriptor;
    this.request = request;
    TabletDescriptor routeBy =
        fixed == null
            ? descriptor
            : descriptor.toBuilder().clearReplicas().addReplicas(fixed).build();
    this.selector =
        new TargetSelector(routeBy, mode, ctx.leaders(), ctx.rotation().getAndIncrement());
    this.deadlineNanos = deadlineNanos;
    this.keyed = keyed;
  }

  /** Starts the first attempt and returns the caller's future. */
  CompletableFuture<Resp> start() {
    ctx.metrics().request();
    attempt();
    return result;
  }

  private void attempt() {
    try {
      if (result.isDone()) {
        return; // the caller cancelled
      }
      if (ctx.closed().getAsBoolean()) {
        fail(new CesiumException(ErrorCode.SHUTTING_DOWN, "tablet router closed"));
        return;
      }
      long remaining = deadlineNanos - System.nanoTime();
      if (remaining <= 0 || attempts >= ctx.config().maxAttempts()) {
        giveUp();
        return;
      }
      Endpoint target = selector.next();
      attempts++;
      ctx.metrics().attempt(attempts > 1);
      long timeout =
          rpc.waitsForLocks()
              ? remaining
              : Math.min(remaining, ctx.config().attemptTimeout().toNanos());
      UnaryAttempt.call(ctx.channels().channel(target.address()), rpc.method(), request, timeout)
          .whenComplete((r, t) -> onAnswer(target, r, t));
    } catch (RuntimeException e) {
      fail(closedOr(e));
    }
  }

  private void onAnswer(Endpoint target, UnaryAttempt.Result<Resp> r, Throwable t) {
    try {
      if (result.isDone()) {
        return;
      }
      if (t != null) {
        throw t instanceof RuntimeException re ? re : new IllegalStateException(t);
      }
      if (r.response() == null && ctx.closed().getAsBoolean()) {
        fail(new CesiumException(ErrorCode.SHUTTING_DOWN, "tablet router closed"));
        return;
      }
      Decision d = RetryClassifier.classify(rpc, r, descriptor, target);
      if (d.error() != null) {
        lastAnswers.put(target, d.error().getMessage());
      }
      act(target, r, d);
    } catch (RuntimeException e) {
      fail(closedOr(e));
    }
  }

  private void act(Endpoint target, UnaryAttempt.Result<Resp> r, Decision d) {
    long tabletId = descriptor.getTabletId();
    switch (d.action()) {
      case SUCCESS -> {
        if (mode == RoutingMode.LEADER || rpc.answeredByLeader().test(r.response())) {
          ctx.leaders().update(tabletId, target);
        }
        result.complete(r.response());
      }
      case REDIRECT -> {
        ctx.leaders().update(tabletId, d.leader());
        if (mode == RoutingMode.FIXED) {
          retryLater(d.error()); // pinned to one replica: note the hint, do not follow it
          return;
        }
        LOG.debug(
            "{} tablet {}: {} is not leader, redirect to {}",
            rpc.name(),
            tabletId,
            target,
            d.leader());
        ctx.metrics().notLeaderRedirect();
        selector.redirectTo(d.leader());
        retryLater(d.error());
      }
      case NEXT_REPLICA -> {
        LOG.debug(
            "{} tablet {}: {} failed: {}", rpc.name(), tabletId, target, d.error().getMessage());
        ctx.leaders().invalidate(tabletId, target.address());
        if (mode == RoutingMode.ANY_REPLICA || mode == RoutingMode.LEADER_FIRST) {
          selector.preferLeaderNext();
        }
        retryLater(d.error());
      }
      case REFRESH_DESCRIPTOR -> refreshDescriptor(d.error());
      case FAIL -> {
        if (r.failure() != null) {
          ctx.leaders().invalidate(tabletId, target.address()); // silent, maybe gone
        }
        fail(d.error());
      }
    }
  }

  /**
   * Counts the attempt in its round; attempts again now, or after a backoff ending a round. A keyed
   * call whose descriptor is shown stale (every replica said "not hosted", or two rounds in a row
   * met a "not hosted" or a leader outside the descriptor) fails with a stale-routing code, so
   * {@link KeyRouter} re-resolves the key: retrying the same replicas would never see the group's
   * new members.
   */
  private void retryLater(CesiumException error) {
    lastError = error;
    if (RetryClassifier.isNotHosted(error.code())) {
      notHostedInRound++;
    }
    if (RetryClassifier.showsStaleDescriptor(error, descriptor)) {
      staleInRound = error;
    }
    if (++roundAttempts < selector.roundSize()) {
      attempt();
      return;
    }
    staleRounds = staleInRound == null ? 0 : staleRounds + 1;
    if (keyed && (notHostedInRound >= selector.roundSize() || staleRounds >= 2)) {
      fail(asStale(staleInRound));
      return;
    }
    roundAttempts = 0;
    notHostedInRound = 0;
    staleInRound = null;
    round++;
    long remaining = deadlineNanos - System.nanoTime();
    if (remaining <= 0) {
      giveUp();
      return;
    }
    long delay = Math.min(ctx.backoff().delayNanos(round), remaining);
    ctx.metrics().backoff();
    try {
      ctx.timer().schedule(this::attempt, delay);
    } catch (RejectedExecutionException closing) {
      fail(new CesiumException(ErrorCode.SHUTTING_DOWN, "tablet router closed"));
    }
  }

  private void refreshDescriptor(CesiumException moved) {
    if (mode == RoutingMode.FIXED || keyed) {
      // FIXED: pinned to one replica, a new descriptor would not change where to go. Keyed: the
      // key may now belong to another tablet; KeyRouter re-resolves it by key, a layer up.
      fail(moved);
      return;
    }
    ctx.metrics().descriptorRefresh();
    ctx.leaders().invalidate(descriptor.getTabletId());
    long remaining = Math.max(1, deadlineNanos - System.nanoTime());
    ctx.descriptors()
        .refresh(descriptor, moved)
        .orTimeout(remaining, TimeUnit.NANOSECONDS)
        .whenComplete((fresh, t) -> onRefreshed(fresh, t, moved));
  }

  private void onRefreshed(TabletDescriptor fresh, Throwable t, CesiumException moved) {
    try {
      if (t != null || fresh == null || fresh.getEpoch() <= descriptor.getEpoch()) {
        fail(moved); // no newer descriptor of this tablet id: key-addressed callers use KeyRouter
        return;
      }
      if (fresh.getReplicasCount() == 0) {
        fail(moved);
        return;
      }
      descriptor = fresh;
      request = rpc.withTabletId().apply(request, fresh.getTabletId());
      selector.reset(fresh);
      lastError = moved;
      attempt();
    } catch (RuntimeException e) {
      fail(closedOr(e));
    }
  }

  /** {@code evidence} as an error {@link KeyedRetry} treats as stale routing. */
  private CesiumException asStale(CesiumException evidence) {
    if (RetryClassifier.isNotHosted(evidence.code())) {
      return evidence;
    }
    return new CesiumException(
        ErrorCode.TABLET_MOVED,
        "tablet "
            + Long.toUnsignedString(descriptor.getTabletId())
            + ": descriptor epoch "
            + descriptor.getEpoch()
            + " is stale: "
            + evidence.getMessage(),
        evidence);
  }

  /** Fails with UNAVAILABLE, or the last error if it says more than "routing failed". */
  private void giveUp() {
    ctx.metrics().gaveUp();
    ErrorCode code =
        lastError == null || RetryClassifier.isRoutingCode(lastError.code())
            ? ErrorCode.UNAVAILABLE
            : lastError.code();
    String why =
        attempts >= ctx.config().maxAttempts()
            ? "after " + attempts + " attempts (the limit)"
            : "within "
                + ctx.config().overallDeadline().toMillis()
                + " ms ("
                + attempts
                + " attempts)";
    String last = lastError == null ? "" : "; last error: " + lastError.getMessage();
    if (lastAnswers.size() > 1) {
      last += "; last answer of each replica tried: " + lastAnswers;
    }
    fail(
        new CesiumException(
            code,
            rpc.name()
                + " of tablet "
                + Long.toUnsignedString(descriptor.getTabletId())
                + ": no replica answered "
                + why
                + last,
            lastError));
  }

  private void fail(CesiumException e) {
    result.completeExceptionally(e);
  }

  private CesiumException closedOr(RuntimeException e) {
    return ctx.closed().getAsBoolean()
        ? new CesiumException(ErrorCode.SHUTTING_DOWN, "tablet router closed", e)
        : CesiumException.from(e);
  }
}
