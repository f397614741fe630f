package io.cesiumdb.tablet.replication.fault;

import io.cesiumdb.common.fault.FaultPlan;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.ratis.thirdparty.io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import org.apache.ratis.thirdparty.io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import org.apache.ratis.thirdparty.io.grpc.Metadata;
import org.apache.ratis.thirdparty.io.grpc.ServerCall;
import org.apache.ratis.thirdparty.io.grpc.ServerCallHandler;
import org.apache.ratis.thirdparty.io.grpc.ServerInterceptor;
import org.apache.ratis.thirdparty.io.grpc.Status;

/**
 * The Ratis half of network fault injection: installed on the node's Ratis gRPC server (shaded
 * gRPC) through {@code GrpcConfigKeys.Server.setServicesCustomizer}. For each incoming message it
 * reads the sending node ({@link RequestorIds}) and asks the node's {@link FaultPlan}:
 *
 * <ul>
 *   <li><b>drop</b>: the call is closed with UNAVAILABLE instead of being delivered; the sender's
 *       Ratis sees a failed RPC (or a broken append stream) and retries, as after a network error;
 *   <li><b>delay</b>: the message (and every later event of the same call) is delivered after the
 *       delay, in order ({@link OrderedDelivery}).
 * </ul>
 *
 * <p>NB: only requests are filtered; a reply travels back on its request's call. A directed drop
 * {@code a -> b} loses the requests a sends to b, but b's replies to a's requests that got through
 * earlier, and a's replies to b's requests, are not filtered. A partition cuts both directions, so
 * every request across it fails. A delayed stream carries one message per delay: gRPC asks for the
 * next message only after the delivered one was consumed.
 */
public final class RaftFaultInterceptor implements ServerInterceptor {
  private final String selfNodeId;
  private final FaultPlan faults;
  private final ScheduledExecutorService scheduler;

  public RaftFaultInterceptor(
      String selfNodeId, FaultPlan faults, ScheduledExecutorService scheduler) {
    this.selfNodeId = selfNodeId;
    this.faults = faults;
    this.scheduler = scheduler;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    GuardedCall<Q, R> guarded = new GuardedCall<>(call);
    return new FaultListener<>(next.startCall(guarded, headers), guarded);
  }

  /** Drops or delays the events of one call. */
  private final class FaultListener<Q, R> extends SimpleForwardingServerCallListener<Q> {
    private final GuardedCall<Q, R> call;
    private OrderedDelivery delayed; // set once the call saw a delay; then every event goes there
    private boolean dropped;

    FaultListener(ServerCall.Listener<Q> delegate, GuardedCall<Q, R> call) {
      super(delegate);
      this.call = call;
    }

    @Override
    public void onMessage(Q message) {
      if (dropped) {
        return;
      }
      String from = RequestorIds.of(message);
      if (faults.shouldDrop(from, selfNodeId)) {
        dropped = true;
        call.abort(Status.UNAVAILABLE.withDescription(from + " -> " + selfNodeId + " dropped"));
        return;
      }
      long delay = faults.delayMillis(from, selfNodeId);
      if (delay > 0 && delayed == null) {
        delayed = new OrderedDelivery(scheduler);
      }
      deliver(delay, () -> super.onMessage(message));
    }

    @Override
    public void onHalfClose() {
      if (!dropped) {
        deliver(0, super::onHalfClose);
      }
    }

    @Override
    public void onReady() {
      if (!dropped) {
        deliver(0, super::onReady);
      }
    }

    @Override
    public void onCancel() {
      deliver(0, super::onCancel);
    }

    @Override
    public void onComplete() {
      deliver(0, super::onComplete);
    }

    private void deliver(long delayMillis, Runnable event) {
      if (delayed == null) {
        event.run();
      } else {
        delayed.submit(delayMillis, event);
      }
    }
  }

  /** A call that ignores the service's sends and closes once the interceptor closed it. */
  private static final class GuardedCall<Q, R> extends SimpleForwardingServerCall<Q, R> {
    private volatile boolean aborted;

    GuardedCall(ServerCall<Q, R> delegate) {
      super(delegate);
    }

    synchronized void abort(Status status) {
      if (!aborted) {
        aborted = true;
        super.close(status, new Metadata());
      }
    }

    @Override
    public synchronized void sendMessage(R message) {
      if (!aborted) {
        super.sendMessage(message);
      }
    }

    @Override
    public synchronized void close(Status status, Metadata trailers) {
      if (!aborted) {
        aborted = true;
        super.close(status, trailers);
      }
    }

    @Override
    public void request(int numMessages) {
      if (!aborted) {
        super.request(numMessages);
      }
    }
  }
}
