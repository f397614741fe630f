package io.cesiumdb.server.rpc;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.errors.ErrorDetail;
import io.cesiumdb.proto.placement.GetLeaderRequest;
import io.cesiumdb.proto.placement.GetLeaderResponse;
import io.cesiumdb.proto.placement.PlacementServiceGrpc;
import io.cesiumdb.proto.rpc.CallerHeaders;
import io.cesiumdb.txn.routing.ErrorDetails;
import io.grpc.ConnectivityState;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Calls the placement driver's leader, starting from seed addresses: PD members, or any node (a
 * node that runs no PD member answers GetLeader from what its own agent knows). Without a known
 * leader, each attempt asks a seed GetLeader and goes to the address it names (the seed itself when
 * it names none); a NOT_LEADER answer's hint is followed on the next attempt. One blocking call
 * makes at most {@code seeds + 2} attempts. Thread-safe; one channel per address, closed with the
 * client.
 */
public final class PdClient implements AutoCloseable {
  private final String callerId;
  private final List<String> seeds;
  private final Duration callDeadline;
  private final Map<String, ManagedChannel> channels = new ConcurrentHashMap<>();
  private volatile PdLeader leader;
  private volatile boolean closed;

  /**
   * @param callerId stamped on every call (the node id; fault plans match on it)
   * @param seeds {@code host:port} addresses to start from; at least one
   * @param callDeadline deadline of one RPC attempt
   */
  public PdClient(String callerId, List<String> seeds, Duration callDeadline) {
    this.callerId = callerId;
    this.seeds = List.copyOf(seeds);
    this.callDeadline = callDeadline;
    if (this.seeds.isEmpty()) {
      throw new IllegalArgumentException("no placement driver seed address");
    }
  }

  /**
   * Runs {@code rpc} at the PD leader and returns its response.
   *
   * @param error the response's error field; a detail with a code is a failure
   * @throws CesiumException the last failure: the PD's error, or CONNECTION_FAILURE naming the
   *     address that could not be reached
   */
  public <T> T call(
      Function<PlacementServiceGrpc.PlacementServiceBlockingStub, T> rpc,
      Function<T, ErrorDetail> error) {
    CesiumException last = new CesiumException(ErrorCode.SHUTTING_DOWN, "PD client closed");
    int next = 0;
    for (int i = 0; i < seeds.size() + 2 && !closed; i++) {
      PdLeader known = leader;
      String address = known != null ? known.address() : locate(seeds.get(next++ % seeds.size()));
      try {
        T response = rpc.apply(stub(address));
        ErrorDetail detail = error.apply(response);
        if (!ErrorDetails.isError(detail)) {
          reached(address);
          return response;
        }
        last = ErrorDetails.toException(detail);
        follow(address, detail);
      } catch (StatusRuntimeException e) {
        last = unreachable(address, e);
        leader = null;
      }
    }
    throw last;
  }

  /**
   * Asks {@code address} (any node) where the PD leader is.
   *
   * @throws CesiumException CONNECTION_FAILURE when the address cannot be reached
   */
  public GetLeaderResponse askLeader(String address) {
    try {
      return stub(address).getLeader(GetLeaderRequest.getDefaultInstance());
    } catch (StatusRuntimeException e) {
      throw unreachable(address, e);
    }
  }

  /** The leader this client last reached or was pointed at, if any. */
  public Optional<PdLeader> knownLeader() {
    return Optional.ofNullable(leader);
  }

  /** GetLeader at a seed; the leader's address if it names one, else the seed itself. */
  private String locate(String seed) {
    try {
      GetLeaderResponse r = askLeader(seed);
      if (!r.getLeaderAddress().isEmpty()) {
        leader = new PdLeader(r.getLeaderNodeId(), r.getLeaderAddress());
        return r.getLeaderAddress();
      }
    } catch (CesiumException e) {
      // The call itself fails the same way and reports it.
    }
    return seed;
  }

  /** Remembers the leader that answered; asks it its id when that is not known yet. */
  private void reached(String address) {
    PdLeader known = leader;
    if (known != null && known.address().equals(address) && !known.nodeId().isEmpty()) {
      return;
    }
    String id = "";
    try {
      GetLeaderResponse self = askLeader(address);
      id = self.getLeaderAddress().equals(address) ? self.getLeaderNodeId() : "";
    } catch (CesiumException e) {
      // Only the id is missing; the address is right.
    }
    leader = new PdLeader(id, address);
  }

  private void follow(String address, ErrorDetail detail) {
    String hint = detail.hasNotLeader() ? detail.getNotLeader().getLeaderAddress() : "";
    leader =
        hint.isEmpty() || hint.equals(address)
            ? null
            : new PdLeader(detail.getNotLeader().getLeaderNodeId(), hint);
  }

  private static CesiumException unreachable(String address, StatusRuntimeException e) {
    Status s = e.getStatus();
    if (s.getCode() == Status.Code.UNIMPLEMENTED) {
      return new CesiumException(
          ErrorCode.UNAVAILABLE, address + " serves no placement service (no PD leader known)", e);
    }
    String why = s.getCode() + (s.getDescription() == null ? "" : ": " + s.getDescription());
    return new CesiumException(
        ErrorCode.CONNECTION_FAILURE,
        "cannot reach the placement service at " + address + " (" + why + ")",
        e);
  }

  private PlacementServiceGrpc.PlacementServiceBlockingStub stub(String address) {
    return PlacementServiceGrpc.newBlockingStub(channel(address))
        .withDeadlineAfter(callDeadline.toMillis(), TimeUnit.MILLISECONDS);
  }

  private ManagedChannel channel(String address) {
    ManagedChannel ch =
        channels.computeIfAbsent(
            address,
            a ->
                Grpc.newChannelBuilder(a, InsecureChannelCredentials.create())
                    .intercept(CallerHeaders.stamp(callerId))
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
    channels.values().forEach(ManagedChannel::shutdownNow);
    channels.clear();
  }
}
