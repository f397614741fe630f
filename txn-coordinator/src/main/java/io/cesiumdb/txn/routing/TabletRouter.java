package io.cesiumdb.txn.routing;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.tablet.ReadConsistency;
import io.cesiumdb.proto.tablet.ReadRequest;
import io.cesiumdb.proto.tablet.ReadResponse;
import io.cesiumdb.proto.tablet.ReplicaDescriptor;
import io.cesiumdb.proto.tablet.ScanRequest;
import io.cesiumdb.proto.tablet.ScanResponse;
import io.cesiumdb.proto.tablet.StatusRequest;
import io.cesiumdb.proto.tablet.StatusResponse;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import io.cesiumdb.proto.tablet.WriteRequest;
import io.cesiumdb.proto.tablet.WriteResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends tablet RPCs to the right replica of a tablet and hides every routing error: the client side
 * of the tablet RPC, CockroachDB's DistSender analogue. Callers pass the tablet's descriptor and a
 * request; the router finds the leader (cached, or by following not-leader hints and rotating
 * through the replicas), retries with backoff until the overall deadline, and completes the future
 * with the response, or fails it with a {@link CesiumException}: the request's own error (e.g.
 * {@code SQL-3}) at once, or {@code UNAVAILABLE} (or the last non-routing error) when no replica
 * served it in time. Never with {@code NOT_LEADER}. Retry rules: {@link RetryClassifier}.
 *
 * <p>Every method returns at once and never throws; bad arguments fail the future with {@code
 * INVALID_ARGUMENT}. Futures complete on the router's callback executor ({@link
 * TabletRouterBuilder#executor}); a caller that blocks in a continuation must use an {@code *Async}
 * stage with its own executor.
 *
 * <p>Thread-safe; one router per node (or per client) shares its channels and leader cache. Build
 * with {@link #builder()}; {@link #close()} fails requests in flight with {@code SHUTTING_DOWN} and
 * closes the channels.
 */
public final class TabletRouter implements AutoCloseable {
  private final RouterContext ctx;
  private final ExecutorService ownedExecutor;
  private volatile boolean closed;

  TabletRouter(
      RouterConfig config,
      ChannelPool channels,
      DescriptorSource descriptors,
      Backoff backoff,
      BackoffTimer timer,
      ExecutorService ownedExecutor) {
    this.ownedExecutor = ownedExecutor;
    this.ctx =
        new RouterContext(
            config,
            channels,
            new LeaderCache(),
            new RouterMetrics(),
            backoff,
            descriptors,
            timer,
            () -> closed,
            new AtomicInteger());
  }

  /** A builder with the defaults: {@link RouterConfig#defaults()}, plaintext Netty channels. */
  public static TabletRouterBuilder builder() {
    return new TabletRouterBuilder();
  }

  /**
   * Reads one key. {@code LEADER} consistency goes to the leader; {@code SNAPSHOT} to any replica
   * (rotating), falling back to the leader when a follower cannot serve the timestamp yet.
   */
  public CompletableFuture<ReadResponse> read(TabletDescriptor tablet, ReadRequest request) {
    return submit(
        TabletRpc.READ,
        tablet,
        request,
        modeOf(request == null ? null : request.getConsistency()),
        null);
  }

  /**
   * As {@link #read(TabletDescriptor, ReadRequest)}; a {@code SNAPSHOT} read goes by {@code route}.
   */
  public CompletableFuture<ReadResponse> read(
      TabletDescriptor tablet, ReadRequest request, SnapshotRoute route) {
    return submit(
        TabletRpc.READ,
        tablet,
        request,
        modeFor(request == null ? null : request.getConsistency(), route),
        null);
  }

  /**
   * Scans part of a tablet; routed like {@link #read}. One page: the caller follows resume keys.
   */
  public CompletableFuture<ScanResponse> scan(TabletDescriptor tablet, ScanRequest request) {
    return submit(
        TabletRpc.SCAN,
        tablet,
        request,
        modeOf(request == null ? null : request.getConsistency()),
        null);
  }

  /**
   * Applies a batch of writes at the leader. Retried only when provably not processed; a write
   * whose outcome is unknown (timeout after sending) fails with a retryable {@code
   * DEADLINE_EXCEEDED} or {@code UNAVAILABLE}: it may have been applied.
   */
  public CompletableFuture<WriteResponse> write(TabletDescriptor tablet, WriteRequest request) {
    return submit(TabletRpc.WRITE, tablet, request, RoutingMode.LEADER, null);
  }

  /** Status of the tablet as its leader reports it (a follower's answer redirects). */
  public CompletableFuture<StatusResponse> status(TabletDescriptor tablet, StatusRequest request) {
    return submit(TabletRpc.STATUS_AT_LEADER, tablet, request, RoutingMode.LEADER, null);
  }

  /** Status of one given replica, retried on transport errors until the deadline. */
  public CompletableFuture<StatusResponse> status(
      TabletDescriptor tablet, ReplicaDescriptor replica, StatusRequest request) {
    if (replica == null) {
      return invalid("replica is null");
    }
    return submit(TabletRpc.STATUS_AT_REPLICA, tablet, request, RoutingMode.FIXED, replica);
  }

  /** A blocking view of this router, for tests and tools. */
  public BlockingTabletRouter blocking() {
    return new BlockingTabletRouter(this);
  }

  public LeaderCache leaders() {
    return ctx.leaders();
  }

  public RouterMetrics metrics() {
    return ctx.metrics();
  }

  public RouterConfig config() {
    return ctx.config();
  }

  /**
   * Fails requests in flight with {@code SHUTTING_DOWN}, closes the channels and stops the router's
   * threads. Idempotent.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    ctx.channels().close();
    if (ctx.descriptors() instanceof PlacementDescriptorSource owned) {
      owned.close(); // built by the builder from placement addresses
    }
    ctx.timer().close(); // requests in a backoff pause attempt now, see `closed` and fail
    if (ownedExecutor != null) {
      ownedExecutor.shutdown();
      try {
        ownedExecutor.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private <Req, Resp> CompletableFuture<Resp> submit(
      TabletRpc<Req, Resp> rpc,
      TabletDescriptor tablet,
      Req request,
      RoutingMode mode,
      ReplicaDescriptor fixed) {
    long deadline = System.nanoTime() + ctx.config().overallDeadline().toNanos();
    return submit(rpc, tablet, request, mode, fixed, deadline, false);
  }

  /**
   * A key-addressed call for {@link KeyRouter}: ends at {@code deadlineNanos} (the key request's
   * deadline, across re-resolutions) and fails fast with the stale-routing error ({@code
   * TABLET_MOVED}, or {@code TABLET_NOT_FOUND} once every replica said so) instead of refreshing
   * the descriptor by tablet id, so the caller can re-resolve the key.
   */
  <Req, Resp> CompletableFuture<Resp> submitKeyed(
      TabletRpc<Req, Resp> rpc,
      TabletDescriptor tablet,
      Req request,
      RoutingMode mode,
      long deadlineNanos) {
    return submit(rpc, tablet, request, mode, null, deadlineNanos, true);
  }

  RouterContext context() {
    return ctx;
  }

  static RoutingMode modeFor(ReadConsistency consistency) {
    return modeOf(consistency);
  }

  /** As {@link #modeFor(ReadConsistency)}; a {@code SNAPSHOT} read goes by {@code route}. */
  static RoutingMode modeFor(ReadConsistency consistency, SnapshotRoute route) {
    if (consistency == ReadConsistency.SNAPSHOT && route == SnapshotRoute.LEADER_FIRST) {
      return RoutingMode.LEADER_FIRST;
    }
    return modeOf(consistency);
  }

  private <Req, Resp> CompletableFuture<Resp> submit(
      TabletRpc<Req, Resp> rpc,
      TabletDescriptor tablet,
      Req request,
      RoutingMode mode,
      ReplicaDescriptor fixed,
      long deadlineNanos,
      boolean keyed) {
    try {
      if (tablet == null || request == null) {
        return invalid(rpc.name() + ": tablet and request are required");
      }
      if (tablet.getReplicasCount() == 0) {
        return invalid(rpc.name() + ": tablet " + tablet.getTabletId() + " has no replicas");
      }
      long id = rpc.tabletIdOf().applyAsLong(request);
      if (id != 0 && id != tablet.getTabletId()) {
        return invalid(
            rpc.name() + ": request names tablet " + id + ", descriptor " + tablet.getTabletId());
      }
      if (closed) {
        return CompletableFuture.failedFuture(
            new CesiumException(ErrorCode.SHUTTING_DOWN, "tablet router closed"));
      }
      Req withId = rpc.withTabletId().apply(request, tablet.getTabletId());
      return new RoutedCall<>(ctx, rpc, tablet, withId, mode, fixed, deadlineNanos, keyed).start();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(CesiumException.from(e));
    }
  }

  private static RoutingMode modeOf(ReadConsistency consistency) {
    return consistency == ReadConsistency.SNAPSHOT ? RoutingMode.ANY_REPLICA : RoutingMode.LEADER;
  }

  private static <T> CompletableFuture<T> invalid(String message) {
    return CompletableFuture.failedFuture(new CesiumException(ErrorCode.INVALID_ARGUMENT, message));
  }
}
