package io.cesiumdb.server.fault;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.common.fault.FaultPlan;
import io.cesiumdb.proto.errors.ErrorDetail;
import io.cesiumdb.proto.fault.FaultAdminServiceGrpc;
import io.cesiumdb.proto.fault.FaultState;
import io.cesiumdb.proto.fault.GetFaultsRequest;
import io.cesiumdb.proto.fault.Link;
import io.cesiumdb.proto.fault.LinkDelay;
import io.cesiumdb.proto.fault.SetClockRequest;
import io.cesiumdb.proto.fault.SetLinkFaultsRequest;
import io.cesiumdb.proto.fault.Strobe;
import io.cesiumdb.txn.routing.ErrorDetails;
import io.grpc.ConnectivityState;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A blocking client of one node's {@code FaultAdminService}: what the nemeses and tests use to bend
 * a node's clock and cut its links. Calls carry no caller-node header, so no fault plan ever drops
 * them. Every method returns the node's fault state after the call.
 *
 * <p>Errors ({@link CesiumException}): CLOCK_ADMIN_REFUSED when the node runs the system clock (it
 * serves no fault admin), INVALID_ARGUMENT for a change the node refuses, CONNECTION_FAILURE when
 * the node cannot be reached. Thread-safe; one channel, closed with the client.
 */
public final class FaultAdminClient implements AutoCloseable {
  /** Deadline of one call unless the constructor says otherwise. */
  public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(5);

  private final String address;
  private final Duration deadline;
  private final ManagedChannel channel;

  /** A client of the node serving RPC at {@code address} ({@code host:port}). */
  public FaultAdminClient(String address) {
    this(address, DEFAULT_DEADLINE);
  }

  public FaultAdminClient(String address, Duration deadline) {
    this.address = address;
    this.deadline = deadline;
    this.channel = Grpc.newChannelBuilder(address, InsecureChannelCredentials.create()).build();
  }

  /** The node's address this client calls. */
  public String address() {
    return address;
  }

  /** Sets the clock's base offset (reading minus reference time) and stops any strobe. */
  public FaultState setOffsetMicros(long offsetMicros) {
    return setClock(SetClockRequest.newBuilder().setOffsetMicros(offsetMicros).build());
  }

  /** Moves the clock's base offset by {@code deltaMicros} at once. */
  public FaultState jumpMicros(long deltaMicros) {
    return setClock(SetClockRequest.newBuilder().setJumpMicros(deltaMicros).build());
  }

  /** Flips the clock's offset between {@code aMicros} and {@code bMicros} every period. */
  public FaultState strobe(long aMicros, long bMicros, long periodMicros) {
    Strobe s =
        Strobe.newBuilder()
            .setOffsetAMicros(aMicros)
            .setOffsetBMicros(bMicros)
            .setPeriodMicros(periodMicros)
            .build();
    return setClock(SetClockRequest.newBuilder().setStrobe(s).build());
  }

  /** Sets the clock's drift rate in parts per million. */
  public FaultState setDriftPpm(double ppm) {
    return setClock(SetClockRequest.newBuilder().setDriftPpm(ppm).build());
  }

  /** Offset 0, no strobe, drift 0. */
  public FaultState healClock() {
    return setClock(SetClockRequest.newBuilder().setHeal(true).build());
  }

  /** Replaces every link fault of the node: these links drop, these are delayed (ms). */
  public FaultState setLinkFaults(
      Collection<FaultPlan.Link> drops, Map<FaultPlan.Link, Long> delaysMillis) {
    SetLinkFaultsRequest.Builder req = SetLinkFaultsRequest.newBuilder();
    drops.forEach(l -> req.addDrops(link(l)));
    delaysMillis.forEach(
        (l, ms) -> req.addDelays(LinkDelay.newBuilder().setLink(link(l)).setDelayMillis(ms)));
    return call(s -> s.setLinkFaults(req.build()), r -> r.getError(), r -> r.getState());
  }

  /** Replaces every link fault of the node with these drops and no delays. */
  public FaultState dropLinks(Collection<FaultPlan.Link> drops) {
    return setLinkFaults(drops, Map.of());
  }

  /** Removes every link fault of the node. */
  public FaultState healLinks() {
    return setLinkFaults(java.util.List.of(), Map.of());
  }

  /** Heals the clock and the links. */
  public FaultState heal() {
    healClock();
    return healLinks();
  }

  /** The node's current fault state. */
  public FaultState faults() {
    return call(
        s -> s.getFaults(GetFaultsRequest.getDefaultInstance()),
        r -> r.getError(),
        r -> r.getState());
  }

  private FaultState setClock(SetClockRequest request) {
    return call(s -> s.setClock(request), r -> r.getError(), r -> r.getState());
  }

  private static Link link(FaultPlan.Link l) {
    return Link.newBuilder().setFromNodeId(l.from()).setToNodeId(l.to()).build();
  }

  private <T> FaultState call(
      Function<FaultAdminServiceGrpc.FaultAdminServiceBlockingStub, T> rpc,
      Function<T, ErrorDetail> error,
      Function<T, FaultState> state) {
    // NB: as in PdClient: a node that was down leaves the channel in gRPC's reconnect backoff, and
    // calls would fail fast for up to minutes after it is back (the kill nemesis restarts nodes).
    // So reconnect now, and let the call wait for that connection within its deadline.
    if (channel.getState(false) == ConnectivityState.TRANSIENT_FAILURE) {
      channel.resetConnectBackoff();
    }
    T response;
    try {
      response =
          rpc.apply(
              FaultAdminServiceGrpc.newBlockingStub(channel)
                  .withWaitForReady()
                  .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS));
    } catch (StatusRuntimeException e) {
      throw failure(e);
    }
    ErrorDetail detail = error.apply(response);
    if (ErrorDetails.isError(detail)) {
      throw ErrorDetails.toException(detail);
    }
    return state.apply(response);
  }

  private CesiumException failure(StatusRuntimeException e) {
    if (e.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
      return new CesiumException(
          ErrorCode.CLOCK_ADMIN_REFUSED,
          "the node at "
              + address
              + " refuses fault injection: it runs the system clock (start it with"
              + " --clock simulated)",
          e);
    }
    return new CesiumException(
        ErrorCode.CONNECTION_FAILURE,
        "cannot reach the fault admin at " + address + " (" + e.getStatus() + ")",
        e);
  }

  @Override
  public void close() {
    channel.shutdownNow();
  }

  @Override
  public String toString() {
    return "FaultAdminClient[" + address + "]";
  }
}
