package io.cesiumdb.pd.tabletclient;

import com.google.common.util.concurrent.ListenableFuture;
import com.google.protobuf.ByteString;
import io.cesiumdb.common.concurrent.NamedThreads;
import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.errors.ErrorDetail;
import io.cesiumdb.proto.tablet.ChangeReplicasRequest;
import io.cesiumdb.proto.tablet.CreateReplicaRequest;
import io.cesiumdb.proto.tablet.RemoveReplicaRequest;
import io.cesiumdb.proto.tablet.ReplicaDescriptor;
import io.cesiumdb.proto.tablet.SplitRequest;
import io.cesiumdb.proto.tablet.SplitResponse;
import io.cesiumdb.proto.tablet.StatusRequest;
import io.cesiumdb.proto.tablet.StatusResponse;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import io.cesiumdb.proto.tablet.TabletServiceGrpc;
import io.cesiumdb.proto.tablet.TabletServiceGrpc.TabletServiceFutureStub;
import io.cesiumdb.proto.tablet.TransferLeaderRequest;
import io.cesiumdb.proto.tablet.TransferLeaderResponse;
import io.grpc.Context;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * {@link TabletAdmin} over gRPC {@code TabletService} future stubs: one plaintext channel per
 * tablet address (created on first use, all closed by {@link #close()}), a deadline on every call,
 * and {@link LeaderCall} for the calls that must reach a tablet's leader. One small timer thread
 * schedules the leader calls' backoffs; responses complete on gRPC threads.
 */
public final class GrpcTabletAdmin implements TabletAdmin {
  private final Duration callTimeout;
  private final Duration leaderTimeout;
  private final ConcurrentHashMap<String, ManagedChannel> channels = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timer;
  private volatile boolean closed;

  /**
   * @param callTimeout deadline of one RPC
   * @param leaderTimeout how long a leader call keeps looking for the leader (several attempts)
   * @param name thread-name prefix (the node id)
   */
  public GrpcTabletAdmin(Duration callTimeout, Duration leaderTimeout, String name) {
    this.callTimeout = Objects.requireNonNull(callTimeout, "callTimeout");
    this.leaderTimeout = Objects.requireNonNull(leaderTimeout, "leaderTimeout");
    this.timer =
        Executors.newSingleThreadScheduledExecutor(new NamedThreads("cesium-" + name + "-pd-rpc"));
  }

  @Override
  public CompletableFuture<Void> createReplica(ReplicaDescriptor on, TabletDescriptor tablet) {
    CreateReplicaRequest req = CreateReplicaRequest.newBuilder().setTablet(tablet).build();
    return call(on, callTimeout, s -> s.createReplica(req), r -> r.getError(), "CreateReplica")
        .thenApply(r -> null);
  }

  @Override
  public CompletableFuture<Void> removeReplica(ReplicaDescriptor on, long tabletId) {
    RemoveReplicaRequest req = RemoveReplicaRequest.newBuilder().setTabletId(tabletId).build();
    return call(on, callTimeout, s -> s.removeReplica(req), r -> r.getError(), "RemoveReplica")
        .thenApply(r -> null);
  }

  @Override
  public CompletableFuture<StatusResponse> status(ReplicaDescriptor on, long tabletId) {
    StatusRequest req = StatusRequest.newBuilder().setTabletId(tabletId).build();
    return call(on, callTimeout, s -> s.status(req), StatusResponse::getError, "Status");
  }

  @Override
  public CompletableFuture<SplitResponse> split(
      TabletRoute route, ByteString splitKey, long rightTabletId) {
    SplitRequest req =
        SplitRequest.newBuilder()
            .setTabletId(route.tabletId())
            .setSplitKey(splitKey)
            .setRightTabletId(rightTabletId)
            .build();
    return atLeader(
        route, (on, t) -> call(on, t, s -> s.split(req), SplitResponse::getError, "Split"));
  }

  @Override
  public CompletableFuture<TabletDescriptor> changeReplicas(
      TabletRoute route, List<ReplicaDescriptor> replicas) {
    ChangeReplicasRequest req =
        ChangeReplicasRequest.newBuilder()
            .setTabletId(route.tabletId())
            .addAllReplicas(replicas)
            .build();
    return atLeader(
            route,
            (on, t) -> call(on, t, s -> s.changeReplicas(req), r -> r.getError(), "ChangeReplicas"))
        .thenApply(r -> r.getTablet());
  }

  @Override
  public CompletableFuture<Void> transferLeader(TabletRoute route, String targetNodeId) {
    TransferLeaderRequest req =
        TransferLeaderRequest.newBuilder()
            .setTabletId(route.tabletId())
            .setTargetNodeId(targetNodeId)
            .build();
    // Only routing answers are retried: a transfer that failed paused the group's writes once
    // already; the next scheduling round decides whether to try again.
    LeaderCall.Attempt<TransferLeaderResponse> attempt =
        (on, t) -> call(on, t, s -> s.transferLeader(req), r -> r.getError(), "TransferLeader");
    return new LeaderCall<>(
            route,
            attempt,
            callTimeout,
            leaderTimeout,
            timer,
            e -> e.code() == ErrorCode.NOT_LEADER || e.code() == ErrorCode.TABLET_NOT_FOUND)
        .run()
        .thenApply(r -> null);
  }

  private <R> CompletableFuture<R> atLeader(TabletRoute route, LeaderCall.Attempt<R> attempt) {
    return new LeaderCall<>(route, attempt, callTimeout, leaderTimeout, timer).run();
  }

  /** One RPC to one node; an error in the response fails the future. */
  private <R> CompletableFuture<R> call(
      ReplicaDescriptor on,
      Duration timeout,
      Function<TabletServiceFutureStub, ListenableFuture<R>> rpc,
      Function<R, ErrorDetail> errorOf,
      String what) {
    String where = what + " of tablet on " + on.getNodeId() + " (" + on.getTabletAddress() + ")";
    if (on.getTabletAddress().isEmpty()) {
      return CompletableFuture.failedFuture(
          new CesiumException(ErrorCode.UNAVAILABLE, where + ": node has no known tablet address"));
    }
    CompletableFuture<R> out = new CompletableFuture<>();
    // Detached from the caller's gRPC Context: an operation started by a PD RPC may outlive it,
    // and that RPC's Context is cancelled when it answers. The deadline above bounds the call.
    Context detached = Context.current().fork();
    Context previous = detached.attach();
    try {
      TabletServiceFutureStub stub =
          TabletServiceGrpc.newFutureStub(channel(on.getTabletAddress()))
              .withDeadlineAfter(timeout.toNanos(), TimeUnit.NANOSECONDS);
      ListenableFuture<R> f = rpc.apply(stub);
      f.addListener(() -> complete(out, f, errorOf, where), Runnable::run);
    } catch (RuntimeException e) {
      out.completeExceptionally(TabletErrors.from(e, where));
    } finally {
      detached.detach(previous);
    }
    return out;
  }

  private static <R> void complete(
      CompletableFuture<R> out,
      ListenableFuture<R> f,
      Function<R, ErrorDetail> errorOf,
      String where) {
    try {
      R response = f.get();
      ErrorDetail error = errorOf.apply(response);
      if (error != null && !error.getCode().isEmpty()) {
        out.completeExceptionally(TabletErrors.fromDetail(error));
      } else {
        out.complete(response);
      }
    } catch (ExecutionException e) {
      out.completeExceptionally(TabletErrors.from(e.getCause(), where));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      out.completeExceptionally(TabletErrors.from(e, where));
    } catch (RuntimeException e) {
      out.completeExceptionally(TabletErrors.from(e, where));
    }
  }

  private ManagedChannel channel(String address) {
    if (closed) {
      throw new CesiumException(ErrorCode.SHUTTING_DOWN, "placement driver is stopping");
    }
    return channels.computeIfAbsent(
        address, a -> Grpc.newChannelBuilder(a, InsecureChannelCredentials.create()).build());
  }

  @Override
  public void close() {
    closed = true;
    timer.shutdownNow();
    channels.values().forEach(ManagedChannel::shutdownNow);
    channels.clear();
  }
}
