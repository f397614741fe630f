package io.cesiumdb.txn.routing;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.errors.ErrorDetail;
import io.cesiumdb.proto.placement.GetLeaderRequest;
import io.cesiumdb.proto.placement.GetLeaderResponse;
import io.cesiumdb.proto.placement.PlacementServiceGrpc;
import io.grpc.MethodDescriptor;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Calls the placement driver's leader, wherever it is. Holds the PD member addresses and the last
 * leader that answered. A call without a known leader first asks a member {@code GetLeader} (any
 * member, or any node, answers from its own view) and follows the answer; {@code NOT_LEADER} with a
 * leader address is followed at once; {@code NOT_LEADER} without one, {@code UNAVAILABLE}-like
 * codes and transport failures move on to the next member, pausing with {@link Backoff} after each
 * round over the members. Any other error is the call's answer. At the deadline the call fails with
 * {@code UNAVAILABLE}. One {@link PlacementCall} per call; nothing blocks.
 *
 * <p>Thread-safe: the leader address is a volatile hint shared by all calls.
 */
final class PlacementClient implements AutoCloseable {
  private final List<String> members;
  private final ChannelPool channels;
  private final RouterContext ctx;
  private volatile String leader;

  /**
   * @param members host:port of the PlacementService of PD members (or of any node)
   * @param channels channels to those addresses, owned and closed by this client
   * @param ctx the router's timer, backoff, attempt timeout and closed flag
   */
  PlacementClient(List<String> members, ChannelPool channels, RouterContext ctx) {
    if (members.isEmpty()) {
      throw new IllegalArgumentException("no placement driver address");
    }
    this.members = List.copyOf(members);
    this.channels = channels;
    this.ctx = ctx;
  }

  /**
   * Sends {@code request} to the PD leader until it answers or {@code deadlineNanos} passes; each
   * attempt gets the router's attempt timeout.
   */
  <Req, Resp> CompletableFuture<Resp> call(
      MethodDescriptor<Req, Resp> method,
      Req request,
      Function<Resp, ErrorDetail> errorOf,
      long deadlineNanos) {
    long attempt = ctx.config().attemptTimeout().toNanos();
    return call(method, request, errorOf, deadlineNanos, attempt);
  }

  /** As {@link #call(MethodDescriptor, Object, Function, long)}, with this attempt timeout. */
  <Req, Resp> CompletableFuture<Resp> call(
      MethodDescriptor<Req, Resp> method,
      Req request,
      Function<Resp, ErrorDetail> errorOf,
      long deadlineNanos,
      long attemptTimeoutNanos) {
    return new PlacementCall<>(this, method, request, errorOf, deadlineNanos, attemptTimeoutNanos)
        .start();
  }

  /** Asks {@code member} where the leader is: its address, or {@code member} itself if unknown. */
  CompletableFuture<String> discover(String member, long timeoutNanos) {
    return UnaryAttempt.call(
            channels.channel(member),
            PlacementServiceGrpc.getGetLeaderMethod(),
            GetLeaderRequest.getDefaultInstance(),
            timeoutNanos)
        .thenApply(r -> leaderIn(member, r));
  }

  private static String leaderIn(String member, UnaryAttempt.Result<GetLeaderResponse> r) {
    if (r.failure() != null) {
      throw new CesiumException(
          ErrorCode.UNAVAILABLE, "GetLeader at " + member + ": " + r.failure().getCode());
    }
    String address = r.response().getLeaderAddress();
    return address.isEmpty() ? member : address;
  }

  List<String> members() {
    return members;
  }

  ChannelPool channels() {
    return channels;
  }

  RouterContext context() {
    return ctx;
  }

  /** The last PD leader that answered, or null. */
  String leader() {
    return leader;
  }

  void leader(String address) {
    this.leader = address;
  }

  /** Forgets the leader if it is still {@code address}. */
  void forget(String address) {
    if (address.equals(leader)) {
      leader = null;
    }
  }

  @Override
  public void close() {
    channels.close();
  }
}
