package io.cesiumdb.txn.routing;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientStreamTracer;
import io.grpc.Context;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One unary gRPC call with a deadline, reported as data: the response, or the failure status and
 * whether the request was handed to a live transport stream ({@code delivered}).
 *
 * <p>{@code delivered} comes from a {@link ClientStreamTracer}: gRPC reports {@code
 * outboundMessageSent} once the request is framed onto a real stream. A call that failed before
 * that (connection refused, no server under that in-process name, channel shut down) provably never
 * reached a server, so even a write may be retried. Once delivered, a failure says nothing about
 * whether the server processed it. {@code delivered == true} can still mean "never reached the
 * server" (bytes lost with the connection); it is the conservative side.
 *
 * <p>The returned future never fails and completes on the channel's executor. The call ignores the
 * caller's gRPC {@link Context} (its cancellation and deadline): the router has its own.
 */
final class UnaryAttempt {
  private UnaryAttempt() {}

  /**
   * What one call produced.
   *
   * @param response the response, or null if the call failed
   * @param failure the gRPC status of a failed call, or null on success
   * @param delivered whether the request reached a transport stream
   */
  record Result<Resp>(Resp response, Status failure, boolean delivered) {}

  static <Req, Resp> CompletableFuture<Result<Resp>> call(
      Channel channel, MethodDescriptor<Req, Resp> method, Req request, long timeoutNanos) {
    CompletableFuture<Result<Resp>> done = new CompletableFuture<>();
    DeliveryTracker delivery = new DeliveryTracker();
    CallOptions options =
        CallOptions.DEFAULT
            .withDeadlineAfter(timeoutNanos, TimeUnit.NANOSECONDS)
            .withStreamTracerFactory(delivery);
    // Detached from the caller's gRPC Context: router calls outlive the RPC that started them (a
    // commit's resolves are still in flight when the SQL call that committed has answered), and
    // that call's Context is cancelled when it ends, which would cancel every call started in it.
    Context detached = Context.current().fork();
    Context previous = detached.attach();
    try {
      ClientCalls.asyncUnaryCall(
          channel.newCall(method, options),
          request,
          new StreamObserver<Resp>() {
            private Resp value;

            @Override
            public void onNext(Resp v) {
              value = v;
            }

            @Override
            public void onError(Throwable t) {
              done.complete(new Result<>(null, Status.fromThrowable(t), delivery.delivered));
            }

            @Override
            public void onCompleted() {
              done.complete(new Result<>(value, null, true));
            }
          });
    } catch (RuntimeException e) {
      done.complete(new Result<>(null, Status.fromThrowable(e), delivery.delivered));
    } finally {
      detached.detach(previous);
    }
    return done;
  }

  /** Records whether any stream of the call sent its message. */
  private static final class DeliveryTracker extends ClientStreamTracer.Factory {
    private volatile boolean delivered;

    @Override
    public ClientStreamTracer newClientStreamTracer(
        ClientStreamTracer.StreamInfo info, Metadata headers) {
      return new ClientStreamTracer() {
        @Override
        public void outboundMessageSent(int seqNo, long wireSize, long uncompressedSize) {
          delivered = true;
        }
      };
    }
  }
}
