package io.cesiumdb.tablet.cluster;

import com.google.protobuf.ByteString;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.errors.ErrorDetail;
import io.cesiumdb.proto.tablet.Mutation;
import io.cesiumdb.proto.tablet.ReadConsistency;
import io.cesiumdb.proto.tablet.ReadRequest;
import io.cesiumdb.proto.tablet.ReadResponse;
import io.cesiumdb.proto.tablet.WriteRequest;
import io.cesiumdb.proto.tablet.WriteResponse;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal router for tests (the real one is txn-coordinator's): sends to the cached leader,
 * follows NOT_LEADER hints, tries the next running node when the leader is unknown or down, and
 * retries retryable errors until a deadline.
 */
public final class TabletClient {
  private final TestCluster cluster;
  private final Map<Long, String> leaders = new ConcurrentHashMap<>();
  private final AtomicInteger rotation = new AtomicInteger();

  TabletClient(TestCluster cluster) {
    this.cluster = cluster;
  }

  public static Mutation put(String key, String value) {
    return Mutation.newBuilder()
        .setKey(ByteString.copyFromUtf8(key))
        .setPut(ByteString.copyFromUtf8(value))
        .build();
  }

  public static Mutation delete(String key) {
    return Mutation.newBuilder().setKey(ByteString.copyFromUtf8(key)).setDelete(true).build();
  }

  /** Writes and returns the acknowledged response; retries routing errors up to {@code timeout}. */
  public WriteResponse write(long tabletId, Duration timeout, Mutation... mutations) {
    WriteRequest request =
        WriteRequest.newBuilder().setTabletId(tabletId).addAllMutations(List.of(mutations)).build();
    return Poll.value(
        timeout,
        "an acknowledged write to tablet " + tabletId,
        () -> attempt(tabletId, node -> node.stub().write(request), WriteResponse::getError));
  }

  public WriteResponse write(long tabletId, Mutation... mutations) {
    return write(tabletId, TestCluster.AWAIT, mutations);
  }

  /** A LEADER read (read_ts 0 = now), routed to the leader. */
  public ReadResponse read(long tabletId, String key, long readTs) {
    ReadRequest request =
        ReadRequest.newBuilder()
            .setTabletId(tabletId)
            .setKey(ByteString.copyFromUtf8(key))
            .setReadTs(readTs)
            .setConsistency(ReadConsistency.LEADER)
            .build();
    return Poll.value(
        TestCluster.AWAIT,
        "a leader read of " + key,
        () -> attempt(tabletId, node -> node.stub().read(request), ReadResponse::getError));
  }

  private <R> Optional<R> attempt(
      long tabletId,
      java.util.function.Function<TestNode, R> call,
      java.util.function.Function<R, ErrorDetail> error) {
    TestNode node = target(tabletId);
    R response;
    try {
      response = call.apply(node);
    } catch (StatusRuntimeException | IllegalStateException e) {
      leaders.remove(tabletId); // node down or unreachable: try another
      return Optional.empty();
    }
    ErrorDetail e = error.apply(response);
    if (e.getCode().isEmpty()) {
      leaders.put(tabletId, node.id());
      return Optional.of(response);
    }
    if (e.getCode().equals(ErrorCode.NOT_LEADER.id())
        && !e.getNotLeader().getLeaderNodeId().isEmpty()
        && !e.getNotLeader().getLeaderNodeId().equals(node.id())) {
      leaders.put(tabletId, e.getNotLeader().getLeaderNodeId());
      return Optional.empty();
    }
    boolean retryable = ErrorCode.byId(e.getCode()).map(ErrorCode::retryable).orElse(false);
    if (!retryable) {
      throw new AssertionError("non-retryable error from " + node.id() + ": " + e);
    }
    leaders.remove(tabletId);
    return Optional.empty();
  }

  private TestNode target(long tabletId) {
    String cached = leaders.get(tabletId);
    if (cached != null) {
      TestNode n = cluster.node(cached);
      if (n.isRunning()) {
        return n;
      }
    }
    List<TestNode> running = cluster.nodes().stream().filter(TestNode::isRunning).toList();
    return running.get(Math.floorMod(rotation.incrementAndGet(), running.size()));
  }
}
