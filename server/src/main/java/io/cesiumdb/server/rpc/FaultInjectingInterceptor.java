package io.cesiumdb.server.rpc;

import io.cesiumdb.common.fault.FaultPlan;
import io.cesiumdb.proto.rpc.CallerHeaders;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Applies a {@link FaultPlan} to every call this node's gRPC server receives (node RPC and tablet
 * RPC alike): a call from a node whose link to us is cut fails with UNAVAILABLE before any handler
 * sees it; a delayed link delivers the call's events later, in order. The caller is named by the
 * {@code cesium-caller-node} header; calls without it (clients that are not nodes) pass untouched.
 */
public final class FaultInjectingInterceptor implements ServerInterceptor {
  private final String selfNodeId;
  private final FaultPlan faults;
  private final ScheduledExecutorService delayer;

  /** {@code delayer} must be single-threaded so that delayed events keep their order. */
  public FaultInjectingInterceptor(
      String selfNodeId, FaultPlan faults, ScheduledExecutorService delayer) {
    this.selfNodeId = selfNodeId;
    this.faults = faults;
    this.delayer = delayer;
  }

  @Override
  public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
      ServerCall<ReqT, RespT> call, Metadata headers, ServerCallHandler<ReqT, RespT> next) {
    String caller = headers.get(CallerHeaders.CALLER_NODE);
    if (faults.shouldDrop(caller, selfNodeId)) {
      call.close(
          Status.UNAVAILABLE.withDescription(
              "message from " + caller + " to " + selfNodeId + " dropped by the fault plan"),
          new Metadata());
      return new ServerCall.Listener<>() {};
    }
    long delay = faults.delayMillis(caller, selfNodeId);
    ServerCall.Listener<ReqT> listener = next.startCall(call, headers);
    return delay == 0 ? listener : new Delayed<>(listener, delay);
  }

  /** Replays every event of the call after a fixed delay, in arrival order. */
  private final class Delayed<ReqT> extends ForwardingServerCallListener<ReqT> {
    private final ServerCall.Listener<ReqT> target;
    private final long delayMillis;

    Delayed(ServerCall.Listener<ReqT> target, long delayMillis) {
      this.target = target;
      this.delayMillis = delayMillis;
    }

    @Override
    protected ServerCall.Listener<ReqT> delegate() {
      return target;
    }

    private void later(Runnable event) {
      delayer.schedule(event, delayMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void onMessage(ReqT message) {
      later(() -> target.onMessage(message));
    }

    @Override
    public void onHalfClose() {
      later(target::onHalfClose);
    }

    @Override
    public void onReady() {
      later(target::onReady);
    }
  }
}
