package io.cesiumdb.server.rpc;

import io.cesiumdb.proto.node.NodeServiceGrpc;
import io.cesiumdb.proto.node.SampleClockRequest;
import io.cesiumdb.proto.node.SampleClockResponse;
import io.cesiumdb.proto.rpc.CallerHeaders;
import io.cesiumdb.server.node.PeerAddress;
import io.cesiumdb.truetime.ClockPeer;
import io.cesiumdb.truetime.TTInterval;
import io.grpc.ConnectivityState;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ClockPeer} over the node RPC: one {@code SampleClock} round trip per sample. The offset
 * monitor brackets the call with its own clock readings, so this class only returns the peer's
 * interval. Every call carries a deadline; a failed or late call fails the future.
 */
public final class GrpcClockPeer implements ClockPeer, AutoCloseable {
  /** How long one sample may take before it counts as no sample. */
  static final long DEADLINE_MILLIS = 1_000;

  private final String nodeId;
  private final String callerId;
  private final ManagedChannel channel;
  private final NodeServiceGrpc.NodeServiceStub stub;

  private GrpcClockPeer(String nodeId, String callerId, ManagedChannel channel) {
    this.nodeId = nodeId;
    this.callerId = callerId;
    this.channel = channel;
    this.stub = NodeServiceGrpc.newStub(channel);
  }

  /** Opens a channel to the peer; connecting is lazy, so an absent peer fails samples only. */
  public static GrpcClockPeer connect(String callerId, PeerAddress peer) {
    ManagedChannel channel =
        Grpc.newChannelBuilder(peer.target(), InsecureChannelCredentials.create())
            .intercept(CallerHeaders.stamp(callerId))
            .build();
    return new GrpcClockPeer(peer.nodeId(), callerId, channel);
  }

  @Override
  public String nodeId() {
    return nodeId;
  }

  @Override
  public CompletableFuture<TTInterval> sampleClock() {
    CompletableFuture<TTInterval> result = new CompletableFuture<>();
    // NB: a refused connect puts the channel into gRPC's reconnect backoff (1 s growing to 2 min)
    // and calls fail fast meanwhile; a peer that restarted would look unreachable for minutes and
    // could fence this node. Samples are rare (every 500 ms), so reconnect now, and let the call
    // wait (within its deadline) for that connection instead of failing on the old state.
    if (channel.getState(false) == ConnectivityState.TRANSIENT_FAILURE) {
      channel.resetConnectBackoff();
    }
    stub.withDeadlineAfter(DEADLINE_MILLIS, TimeUnit.MILLISECONDS)
        .withWaitForReady()
        .sampleClock(
            SampleClockRequest.newBuilder().setCallerNodeId(callerId).build(),
            new StreamObserver<>() {
              @Override
              public void onNext(SampleClockResponse r) {
                result.complete(new TTInterval(r.getEarliestMicros(), r.getLatestMicros()));
              }

              @Override
              public void onError(Throwable t) {
                result.completeExceptionally(t);
              }

              @Override
              public void onCompleted() {
                result.completeExceptionally(new IllegalStateException("no sample from " + nodeId));
              }
            });
    return result;
  }

  @Override
  public void close() {
    channel.shutdownNow();
  }
}
