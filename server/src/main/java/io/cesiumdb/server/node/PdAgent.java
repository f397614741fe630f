package io.cesiumdb.server.node;

import io.cesiumdb.pd.service.PdPeer;
import io.cesiumdb.proto.errors.ErrorDetail;
import io.cesiumdb.proto.placement.HeartbeatRequest;
import io.cesiumdb.proto.placement.HeartbeatResponse;
import io.cesiumdb.proto.placement.JoinRequest;
import io.cesiumdb.proto.placement.JoinResponse;
import io.cesiumdb.proto.placement.PlacementServiceGrpc;
import io.cesiumdb.proto.placement.TabletReport;
import io.cesiumdb.proto.rpc.CallerHeaders;
import io.cesiumdb.tablet.TabletServer;
import io.grpc.ConnectivityState;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's side of the placement driver: on start it joins (node id, RPC and Raft addresses) at any
 * PD member, following NOT_LEADER hints and retrying until {@link #JOIN_DEADLINE}; then it
 * heartbeats every interval with the tablets it hosts and whether it leads them. One daemon thread;
 * one channel per PD member address, closed with the agent.
 */
final class PdAgent implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PdAgent.class);

  static final Duration JOIN_DEADLINE = Duration.ofSeconds(60);
  private static final Duration CALL_DEADLINE = Duration.ofSeconds(3);
  private static final long RETRY_PAUSE_MILLIS = 200;

  private final String nodeId;
  private final List<String> members;
  private final JoinRequest join;
  private final Supplier<TabletServer> tablets;
  private final Duration interval;
  private final ScheduledExecutorService thread;
  private final Map<String, ManagedChannel> channels = new ConcurrentHashMap<>();
  private final CompletableFuture<Void> joined = new CompletableFuture<>();
  private volatile String target;
  private volatile boolean closed;

  PdAgent(
      String nodeId,
      List<PdPeer> peers,
      String rpcAddress,
      String raftAddress,
      Supplier<TabletServer> tablets,
      Duration interval) {
    this.nodeId = nodeId;
    this.members =
        peers.stream().map(PdPeer::serviceAddress).filter(a -> !a.isEmpty()).distinct().toList();
    this.join =
        JoinRequest.newBuilder()
            .setNodeId(nodeId)
            .setRpcAddress(rpcAddress)
            .setRaftAddress(raftAddress)
            .build();
    this.tablets = tablets;
    this.interval = interval;
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "node-pd-agent-" + nodeId);
              t.setDaemon(true);
              return t;
            });
  }

  /** Joins in the background, then heartbeats. */
  PdAgent start() {
    if (members.isEmpty()) {
      joined.completeExceptionally(new IllegalStateException("no PD member address"));
      return this;
    }
    thread.execute(this::joinLoop);
    return this;
  }

  /** Completes once the PD has registered this node. */
  CompletableFuture<Void> joined() {
    return joined;
  }

  private void joinLoop() {
    long until = System.nanoTime() + JOIN_DEADLINE.toNanos();
    int attempt = 0;
    while (!closed && System.nanoTime() < until) {
      ErrorDetail error =
          call(stub -> stub.join(join), JoinResponse::hasError, JoinResponse::getError);
      if (error == null) {
        LOG.info("node {} joined the placement driver at {}", nodeId, target);
        joined.complete(null);
        thread.scheduleWithFixedDelay(
            this::heartbeat, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return;
      }
      if (++attempt % 25 == 0) {
        LOG.info("node {} still joining the placement driver: {}", nodeId, error);
      }
      pause();
    }
    if (!closed) {
      LOG.warn("node {} could not join the placement driver within {}", nodeId, JOIN_DEADLINE);
      joined.completeExceptionally(
          new IllegalStateException("node " + nodeId + " could not join the placement driver"));
    }
  }

  private void heartbeat() {
    try {
      HeartbeatRequest.Builder req = HeartbeatRequest.newBuilder().setNodeId(nodeId);
      TabletServer ts = tablets.get();
      if (ts != null) {
        for (long id : ts.hostedTablets()) {
          ts.replicaInfo(id)
              .ifPresent(
                  info ->
                      req.addTablets(
                          TabletReport.newBuilder().setTabletId(id).setIsLeader(info.leader())));
        }
      }
      HeartbeatRequest request = req.build();
      ErrorDetail error =
          call(
              stub -> stub.heartbeat(request),
              HeartbeatResponse::hasError,
              HeartbeatResponse::getError);
      if (error != null) {
        LOG.debug("node {} heartbeat failed: {}", nodeId, error);
      }
    } catch (RuntimeException e) {
      LOG.debug("node {} heartbeat failed", nodeId, e);
    }
  }

  /**
   * One request, trying the current target then the others, following NOT_LEADER hints; at most
   * members + 2 attempts. Returns null on success, else the last error.
   */
  private <T> ErrorDetail call(
      Function<PlacementServiceGrpc.PlacementServiceBlockingStub, T> rpc,
      Function<T, Boolean> hasError,
      Function<T, ErrorDetail> error) {
    ErrorDetail last = ErrorDetail.newBuilder().setMessage("no attempt").build();
    int next = 0;
    for (int i = 0; i < members.size() + 2 && !closed; i++) {
      String address = target != null ? target : members.get(next++ % members.size());
      try {
        T response =
            rpc.apply(
                PlacementServiceGrpc.newBlockingStub(channel(address))
                    .withDeadlineAfter(CALL_DEADLINE.toMillis(), TimeUnit.MILLISECONDS));
        if (!hasError.apply(response)) {
          target = address;
          return null;
        }
        last = error.apply(response);
        String hint = last.hasNotLeader() ? last.getNotLeader().getLeaderAddress() : "";
        target = hint.isEmpty() || hint.equals(address) ? null : hint;
        if (target == null) {
          next = members.indexOf(address) + 1;
        }
      } catch (RuntimeException e) {
        last = ErrorDetail.newBuilder().setMessage(address + ": " + e.getMessage()).build();
        target = null;
        next = Math.max(next, members.indexOf(address) + 1);
      }
    }
    return last;
  }

  private void pause() {
    try {
      Thread.sleep(RETRY_PAUSE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed = true;
    }
  }

  private ManagedChannel channel(String address) {
    ManagedChannel ch =
        channels.computeIfAbsent(
            address,
            a ->
                Grpc.newChannelBuilder(a, InsecureChannelCredentials.create())
                    .intercept(CallerHeaders.stamp(nodeId))
                    .build());
    // NB: as in GrpcClockPeer and the router's ChannelPool: without this a PD member that
    // restarted after a long outage would be skipped for gRPC's growing reconnect backoff.
    if (ch.getState(false) == ConnectivityState.TRANSIENT_FAILURE) {
      ch.resetConnectBackoff();
    }
    return ch;
  }

  @Override
  public void close() {
    closed = true;
    thread.shutdownNow();
    channels.values().forEach(ManagedChannel::shutdownNow);
    channels.clear();
    joined.completeExceptionally(new IllegalStateException("node stopped"));
  }
}
