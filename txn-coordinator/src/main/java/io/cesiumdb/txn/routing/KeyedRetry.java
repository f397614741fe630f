package io.cesiumdb.txn.routing;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retry loop of one key-addressed request ({@link KeyRouter}): runs an attempt (resolve the
 * key, send to the tablet); when it fails with a stale-routing code, the attempt has already fixed
 * the cache, and the loop runs it again: at once the first time, then after {@link Backoff} pauses,
 * until the request's deadline. Any other failure is the request's answer. At the deadline a stale
 * failure becomes {@code UNAVAILABLE} (cause kept): callers never see a routing code.
 *
 * <p>One attempt in flight; steps hand over through futures, so the fields need no locks.
 */
final class KeyedRetry<T> {
  private static final Logger LOG = LoggerFactory.getLogger(KeyedRetry.class);

  /** Codes that say "your idea of where this key lives is stale": re-resolve and retry. */
  private static final Set<ErrorCode> STALE =
      EnumSet.of(
          ErrorCode.TABLET_MOVED, ErrorCode.TABLET_NOT_FOUND, ErrorCode.RAFT_GROUP_NOT_FOUND);

  /** One try, bounded by the request's deadline (a {@link System#nanoTime()} instant). */
  @FunctionalInterface
  interface Attempt<T> {
    CompletableFuture<T> run(long deadlineNanos);
  }

  private final RouterContext ctx;
  private final String what;
  private final long deadlineNanos;
  private final Attempt<T> attempt;
  private final CompletableFuture<T> result = new CompletableFuture<>();
  private int staleAnswers;

  private KeyedRetry(RouterContext ctx, String what, long deadlineNanos, Attempt<T> attempt) {
    this.ctx = ctx;
    this.what = what;
    this.deadlineNanos = deadlineNanos;
    this.attempt = attempt;
  }

  /** Runs {@code attempt} until it succeeds, fails for a non-routing reason or time runs out. */
  static <T> CompletableFuture<T> run(
      RouterContext ctx, String what, long deadlineNanos, Attempt<T> attempt) {
    KeyedRetry<T> r = new KeyedRetry<>(ctx, what, deadlineNanos, attempt);
    r.step();
    return r.result;
  }

  static boolean isStale(Throwable t) {
    return unwrap(t) instanceof CesiumException e && STALE.contains(e.code());
  }

  static Throwable unwrap(Throwable t) {
    return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
  }

  private void step() {
    if (result.isDone()) {
      return;
    }
    if (ctx.closed().getAsBoolean()) {
      result.completeExceptionally(
          new CesiumException(ErrorCode.SHUTTING_DOWN, "tablet router closed"));
      return;
    }
    CompletableFuture<T> f;
    try {
      f = attempt.run(deadlineNanos);
    } catch (RuntimeException e) {
      f = CompletableFuture.failedFuture(e);
    }
    f.whenComplete(this::onDone);
  }

  private void onDone(T value, Throwable t) {
    if (t == null) {
      result.complete(value);
      return;
    }
    Throwable cause = unwrap(t);
    if (!isStale(cause)) {
      result.completeExceptionally(CesiumException.from(cause));
      return;
    }
    long left = deadlineNanos - System.nanoTime();
    if (left <= 0) {
      giveUp((CesiumException) cause);
      return;
    }
    ctx.metrics().descriptorRefresh();
    LOG.debug("{}: stale routing, re-resolving: {}", what, cause.getMessage());
    long delay = staleAnswers++ == 0 ? 0 : Math.min(ctx.backoff().delayNanos(staleAnswers), left);
    try {
      ctx.timer().schedule(this::step, delay);
    } catch (RejectedExecutionException closing) {
      result.completeExceptionally(
          new CesiumException(ErrorCode.SHUTTING_DOWN, "tablet router closed"));
    }
  }

  private void giveUp(CesiumException last) {
    ctx.metrics().gaveUp();
    result.completeExceptionally(
        new CesiumException(
            ErrorCode.UNAVAILABLE,
            what
                + ": no tablet served the key within "
                + ctx.config().overallDeadline().toMillis()
                + " ms; last error: "
                + last.getMessage(),
            last));
  }
}
