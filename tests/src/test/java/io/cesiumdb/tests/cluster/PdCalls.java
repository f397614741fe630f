package io.cesiumdb.tests.cluster;

import io.cesiumdb.proto.errors.ErrorDetail;
import io.cesiumdb.proto.placement.PlacementServiceGrpc;
import io.cesiumdb.proto.placement.PlacementServiceGrpc.PlacementServiceBlockingStub;
import io.cesiumdb.tests.Await;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Calls the placement driver the way an admin tool does: starting at the last member given,
 * following NOT_LEADER hints, rotating through the members on other errors, until the call succeeds
 * or {@code timeout} passes (then the test fails with the last error).
 */
public final class PdCalls implements AutoCloseable {
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  private final List<String> members;
  private final Duration timeout;
  private final Map<String, ManagedChannel> channels = new HashMap<>();
  private String target;
  private int rotation;

  public PdCalls(List<String> members) {
    this(members, DEFAULT_TIMEOUT);
  }

  /** Calls that may take up to {@code timeout} (benchmarks creating many tablets on a busy box). */
  public PdCalls(List<String> members, Duration timeout) {
    this.members = List.copyOf(members);
    this.timeout = timeout;
    this.target = members.get(members.size() - 1);
  }

  /** Calls {@code rpc} until it answers without error. */
  public synchronized <T> T call(
      Function<PlacementServiceBlockingStub, T> rpc, Function<T, ErrorDetail> error) {
    AtomicReference<T> ok = new AtomicReference<>();
    AtomicReference<Object> last = new AtomicReference<>();
    try {
      Await.until("a successful PD call", timeout, () -> attempt(rpc, error, ok, last));
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "; last answer: " + last.get(), e);
    }
    return ok.get();
  }

  private <T> boolean attempt(
      Function<PlacementServiceBlockingStub, T> rpc,
      Function<T, ErrorDetail> error,
      AtomicReference<T> ok,
      AtomicReference<Object> last) {
    try {
      T response = rpc.apply(stub(target));
      ErrorDetail e = error.apply(response);
      if (e.getCode().isEmpty()) {
        ok.set(response);
        return true;
      }
      last.set(e);
      String hint = e.hasNotLeader() ? e.getNotLeader().getLeaderAddress() : "";
      target = hint.isEmpty() ? members.get(rotation++ % members.size()) : hint;
    } catch (StatusRuntimeException e) {
      last.set(e);
      target = members.get(rotation++ % members.size());
    }
    return false;
  }

  private PlacementServiceBlockingStub stub(String address) {
    ManagedChannel channel =
        channels.computeIfAbsent(
            address, a -> Grpc.newChannelBuilder(a, InsecureChannelCredentials.create()).build());
    return PlacementServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  @Override
  public synchronized void close() {
    channels.values().forEach(ManagedChannel::shutdownNow);
  }
}
