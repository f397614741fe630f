package io.cesiumdb.txn.routing;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.errors.ErrorDetail;
import io.grpc.MethodDescriptor;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Any {@code PlacementService} RPC, sent to the placement driver's leader through the PD client a
 * {@link KeyRouter} already has (its channels, its last known leader). Exists so that callers above
 * routing — the SQL front end's catalog cache, DDL and password checks — need no PD client of their
 * own and get the same behaviour as the router's directory lookups: leader discovery with {@code
 * GetLeader}, {@code NOT_LEADER} hints followed, unreachable members and {@code UNAVAILABLE}-like
 * answers retried on the next member with backoff, all within a deadline.
 *
 * <p>The future fails with the {@link CesiumException} of the first answer that is not a routing
 * error (e.g. {@code TABLE_EXISTS}, {@code AUTH_FAILED}), or {@code UNAVAILABLE} at the deadline,
 * or {@code SHUTTING_DOWN} once the router closes. Methods return at once and never throw.
 *
 * <p>HAZARD: a request whose attempt timed out (or lost its connection) after delivery is sent
 * again; PD writes are not idempotent (a re-sent CreateTable answers {@code TABLE_EXISTS}), so
 * writers should pass an attempt timeout as long as the call's deadline. Thread-safe.
 */
public final class PlacementCalls {
  private final PlacementClient pd;

  PlacementCalls(PlacementClient pd) {
    this.pd = pd;
  }

  /**
   * Sends {@code request} with the router's deadlines ({@link RouterConfig#overallDeadline()} for
   * the call, {@link RouterConfig#attemptTimeout()} per attempt).
   *
   * @param errorOf the response's {@code error} field (every PlacementService response has one)
   */
  public <Req, Resp> CompletableFuture<Resp> call(
      MethodDescriptor<Req, Resp> method, Req request, Function<Resp, ErrorDetail> errorOf) {
    RouterConfig config = pd.context().config();
    return call(method, request, errorOf, config.overallDeadline(), config.attemptTimeout());
  }

  /**
   * As {@link #call(MethodDescriptor, Object, Function)}, within {@code deadline} in total and
   * {@code attemptTimeout} per attempt (capped by what is left of the deadline).
   */
  public <Req, Resp> CompletableFuture<Resp> call(
      MethodDescriptor<Req, Resp> method,
      Req request,
      Function<Resp, ErrorDetail> errorOf,
      Duration deadline,
      Duration attemptTimeout) {
    if (method == null || request == null || errorOf == null) {
      return KeyRouter.invalid("placement call: method, request and errorOf are required");
    }
    if (!positive(deadline) || !positive(attemptTimeout)) {
      return KeyRouter.invalid("placement call: deadline and attempt timeout must be positive");
    }
    try {
      long deadlineNanos = System.nanoTime() + deadline.toNanos();
      return pd.call(method, request, errorOf, deadlineNanos, attemptTimeout.toNanos());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(
          new CesiumException(ErrorCode.INTERNAL, "placement call failed to start", e));
    }
  }

  /** The router's deadlines, which {@link #call(MethodDescriptor, Object, Function)} uses. */
  public RouterConfig config() {
    return pd.context().config();
  }

  /** The PD leader's address as last seen, or null: for tests and diagnostics. */
  public String knownLeader() {
    return pd.leader();
  }

  private static boolean positive(Duration d) {
    return d != null && !d.isNegative() && !d.isZero();
  }
}
