package io.cesiumdb.tablet.rpc;

import io.cesiumdb.proto.errors.ErrorDetail;
import io.cesiumdb.proto.tablet.AbortTxnRequest;
import io.cesiumdb.proto.tablet.AbortTxnResponse;
import io.cesiumdb.proto.tablet.ChangeReplicasRequest;
import io.cesiumdb.proto.tablet.ChangeReplicasResponse;
import io.cesiumdb.proto.tablet.CommitTxnRequest;
import io.cesiumdb.proto.tablet.CommitTxnResponse;
import io.cesiumdb.proto.tablet.CreateReplicaRequest;
import io.cesiumdb.proto.tablet.CreateReplicaResponse;
import io.cesiumdb.proto.tablet.ForgetTxnDecisionsRequest;
import io.cesiumdb.proto.tablet.ForgetTxnDecisionsResponse;
import io.cesiumdb.proto.tablet.PrepareTxnRequest;
import io.cesiumdb.proto.tablet.PrepareTxnResponse;
import io.cesiumdb.proto.tablet.ReadRequest;
import io.cesiumdb.proto.tablet.ReadResponse;
import io.cesiumdb.proto.tablet.RemoveReplicaRequest;
import io.cesiumdb.proto.tablet.RemoveReplicaResponse;
import io.cesiumdb.proto.tablet.ResolveTxnRequest;
import io.cesiumdb.proto.tablet.ResolveTxnResponse;
import io.cesiumdb.proto.tablet.ScanRequest;
import io.cesiumdb.proto.tablet.ScanResponse;
import io.cesiumdb.proto.tablet.SplitRequest;
import io.cesiumdb.proto.tablet.SplitResponse;
import io.cesiumdb.proto.tablet.StatusRequest;
import io.cesiumdb.proto.tablet.StatusResponse;
import io.cesiumdb.proto.tablet.TabletServiceGrpc;
import io.cesiumdb.proto.tablet.TouchTxnRequest;
import io.cesiumdb.proto.tablet.TouchTxnResponse;
import io.cesiumdb.proto.tablet.TransferLeaderRequest;
import io.cesiumdb.proto.tablet.TransferLeaderResponse;
import io.cesiumdb.proto.tablet.TxnStatusRequest;
import io.cesiumdb.proto.tablet.TxnStatusResponse;
import io.cesiumdb.proto.tablet.WriteRequest;
import io.cesiumdb.proto.tablet.WriteResponse;
import io.cesiumdb.tablet.handlers.TabletHandlers;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gRPC {@code TabletService}: a thin shell that hands each request to its handler and completes
 * the call when the handler's future does. Errors travel in the response's {@code error} field
 * ({@link ErrorDetails}), never as gRPC status, so a client tells "the tablet said no" from "the
 * network failed". Never blocks a gRPC thread on Raft.
 */
public final class TabletRpcService extends TabletServiceGrpc.TabletServiceImplBase {
  private static final Logger LOG = LoggerFactory.getLogger(TabletRpcService.class);

  private final TabletHandlers handlers;

  public TabletRpcService(TabletHandlers handlers) {
    this.handlers = handlers;
  }

  @Override
  public void read(ReadRequest request, StreamObserver<ReadResponse> out) {
    reply(
        out,
        () -> handlers.read().handle(request),
        e -> ReadResponse.newBuilder().setError(e).build());
  }

  @Override
  public void scan(ScanRequest request, StreamObserver<ScanResponse> out) {
    reply(
        out,
        () -> handlers.scan().handle(request),
        e -> ScanResponse.newBuilder().setError(e).build());
  }

  @Override
  public void write(WriteRequest request, StreamObserver<WriteResponse> out) {
    reply(
        out,
        () -> handlers.write().handle(request),
        e -> WriteResponse.newBuilder().setError(e).build());
  }

  @Override
  public void status(StatusRequest request, StreamObserver<StatusResponse> out) {
    reply(
        out,
        () -> handlers.status().handle(request),
        e -> StatusResponse.newBuilder().setError(e).build());
  }

  @Override
  public void createReplica(
      CreateReplicaRequest request, StreamObserver<CreateReplicaResponse> out) {
    reply(
        out,
        () -> handlers.createReplica().handle(request),
        e -> CreateReplicaResponse.newBuilder().setError(e).build());
  }

  @Override
  public void removeReplica(
      RemoveReplicaRequest request, StreamObserver<RemoveReplicaResponse> out) {
    reply(
        out,
        () -> handlers.removeReplica().handle(request),
        e -> RemoveReplicaResponse.newBuilder().setError(e).build());
  }

  @Override
  public void split(SplitRequest request, StreamObserver<SplitResponse> out) {
    reply(
        out,
        () -> handlers.split().handle(request),
        e -> SplitResponse.newBuilder().setError(e).build());
  }

  @Override
  public void changeReplicas(
      ChangeReplicasRequest request, StreamObserver<ChangeReplicasResponse> out) {
    reply(
        out,
        () -> handlers.changeReplicas().handle(request),
        e -> ChangeReplicasResponse.newBuilder().setError(e).build());
  }

  @Override
  public void transferLeader(
      TransferLeaderRequest request, StreamObserver<TransferLeaderResponse> out) {
    reply(
        out,
        () -> handlers.transferLeader().handle(request),
        e -> TransferLeaderResponse.newBuilder().setError(e).build());
  }

  @Override
  public void commitTxn(CommitTxnRequest request, StreamObserver<CommitTxnResponse> out) {
    reply(
        out,
        () -> handlers.commitTxn().handle(request),
        e -> CommitTxnResponse.newBuilder().setError(e).build());
  }

  @Override
  public void abortTxn(AbortTxnRequest request, StreamObserver<AbortTxnResponse> out) {
    reply(
        out,
        () -> handlers.abortTxn().handle(request),
        e -> AbortTxnResponse.newBuilder().setError(e).build());
  }

  @Override
  public void touchTxn(TouchTxnRequest request, StreamObserver<TouchTxnResponse> out) {
    reply(
        out,
        () -> handlers.touchTxn().handle(request),
        e -> TouchTxnResponse.newBuilder().setError(e).build());
  }

  @Override
  public void prepareTxn(PrepareTxnRequest request, StreamObserver<PrepareTxnResponse> out) {
    reply(
        out,
        () -> handlers.prepareTxn().handle(request),
        e -> PrepareTxnResponse.newBuilder().setError(e).build());
  }

  @Override
  public void resolveTxn(ResolveTxnRequest request, StreamObserver<ResolveTxnResponse> out) {
    reply(
        out,
        () -> handlers.resolveTxn().handle(request),
        e -> ResolveTxnResponse.newBuilder().setError(e).build());
  }

  @Override
  public void txnStatus(TxnStatusRequest request, StreamObserver<TxnStatusResponse> out) {
    reply(
        out,
        () -> handlers.txnStatus().handle(request),
        e -> TxnStatusResponse.newBuilder().setError(e).build());
  }

  @Override
  public void forgetTxnDecisions(
      ForgetTxnDecisionsRequest request, StreamObserver<ForgetTxnDecisionsResponse> out) {
    reply(
        out,
        () -> handlers.forgetTxnDecisions().handle(request),
        e -> ForgetTxnDecisionsResponse.newBuilder().setError(e).build());
  }

  private static <T> void reply(
      StreamObserver<T> out,
      java.util.function.Supplier<CompletableFuture<T>> handler,
      Function<ErrorDetail, T> error) {
    CompletableFuture<T> future;
    try {
      future = handler.get();
    } catch (RuntimeException e) {
      future = CompletableFuture.failedFuture(e);
    }
    future.whenComplete(
        (response, failure) -> {
          try {
            out.onNext(failure == null ? response : error.apply(ErrorDetails.of(failure)));
            out.onCompleted();
          } catch (RuntimeException e) {
            LOG.debug("Could not complete a tablet RPC (cancelled?)", e);
          }
        });
  }
}
