package io.cesiumdb.tablet.txn;

import io.cesiumdb.common.concurrent.NamedThreads;
import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.tablet.ReplicaDescriptor;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import io.cesiumdb.proto.tablet.TabletServiceGrpc;
import io.cesiumdb.proto.tablet.TxnStatusRequest;
import io.cesiumdb.proto.tablet.TxnStatusResponse;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * {@link CoordinatorClient} over the tablet RPC: asks each replica of the coordinator in turn (the
 * descriptor may predate a leader change) until one answers as leader. Addresses come from the
 * descriptor, or from the node-id resolver when it lacks them. One channel per address, kept for
 * the node's life (recovery is rare; channels are cheap when idle). The transport is whatever gRPC
 * provider is on the class path (the server ships netty).
 */
public final class GrpcCoordinatorClient implements CoordinatorClient {
  private static final long DEADLINE_MILLIS = 2_000;

  private final Function<String, String> addressOfNode;
  private final Map<String, ManagedChannel> channels = new ConcurrentHashMap<>();

  /**
   * Blocking stubs run here, not on the common pool, which Ratis' async stages share: a status
   * question may wait {@value #DEADLINE_MILLIS} ms per replica. Daemon threads, gone when idle.
   */
  private final ExecutorService asker =
      new ThreadPoolExecutor(
          0,
          Integer.MAX_VALUE,
          30,
          TimeUnit.SECONDS,
          new SynchronousQueue<>(),
          new NamedThreads("cesium-txn-status"));

  public GrpcCoordinatorClient(Function<String, String> addressOfNode) {
    this.addressOfNode = addressOfNode;
  }

  @Override
  public CompletableFuture<TxnStatusResponse> status(
      TabletDescriptor coordinator, String txnId, boolean abortIfUnknown) {
    TxnStatusRequest request =
        TxnStatusRequest.newBuilder()
            .setTabletId(coordinator.getTabletId())
            .setTxnId(txnId)
            .setAbortIfUnknown(abortIfUnknown)
            .build();
    try {
      return CompletableFuture.supplyAsync(
          () -> ask(coordinator.getReplicasList(), request), asker);
    } catch (RejectedExecutionException e) {
      return CompletableFuture.failedFuture(
          new CesiumException(ErrorCode.SHUTTING_DOWN, "coordinator client is closed", e));
    }
  }

  private TxnStatusResponse ask(List<ReplicaDescriptor> replicas, TxnStatusRequest request) {
    String last = "no replica address known";
    for (ReplicaDescriptor r : replicas) {
      String address =
          r.getTabletAddress().isEmpty()
              ? addressOfNode.apply(r.getNodeId())
              : r.getTabletAddress();
      if (address == null || address.isEmpty()) {
        continue;
      }
      try {
        TxnStatusResponse response =
            TabletServiceGrpc.newBlockingStub(channel(address))
                .withDeadlineAfter(DEADLINE_MILLIS, TimeUnit.MILLISECONDS)
                .txnStatus(request);
        if (!response.hasError()) {
          return response;
        }
        last = r.getNodeId() + ": " + response.getError().getMessage();
      } catch (RuntimeException e) {
        last = r.getNodeId() + ": " + e.getMessage();
      }
    }
    throw new CesiumException(
        ErrorCode.UNAVAILABLE,
        "TxnStatus of "
            + request.getTxnId()
            + " at tablet "
            + Long.toUnsignedString(request.getTabletId())
            + ": "
            + last);
  }

  private ManagedChannel channel(String address) {
    return channels.computeIfAbsent(
        address, a -> Grpc.newChannelBuilder(a, InsecureChannelCredentials.create()).build());
  }

  @Override
  public void close() {
    asker.shutdownNow();
    channels.values().forEach(ManagedChannel::shutdownNow);
    channels.clear();
  }
}
