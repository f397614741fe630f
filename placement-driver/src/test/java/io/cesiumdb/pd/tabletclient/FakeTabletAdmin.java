package io.cesiumdb.pd.tabletclient;

import com.google.protobuf.ByteString;
import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.proto.tablet.ReplicaDescriptor;
import io.cesiumdb.proto.tablet.SplitResponse;
import io.cesiumdb.proto.tablet.StatusResponse;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Test fixture: a tablet side that answers every admin call at once and records it as one line
 * ({@code "CreateReplica t1 on n4 [n1, n2, n4]"}, {@code "ChangeReplicas t1 [n1, n2, n4]"}, …).
 * Failures can be injected per operation name; a split can be held open with {@link #holdSplits}.
 * Splits answer halves derived from the request: the given key, or {@code start + 0x00} (the
 * smallest key after the start) when the key is empty.
 */
public final class FakeTabletAdmin implements TabletAdmin {
  private final List<String> calls = new ArrayList<>();
  private final Map<String, Supplier<CesiumException>> failures = new ConcurrentHashMap<>();
  private volatile CompletableFuture<Void> splitGate = CompletableFuture.completedFuture(null);
  private volatile Runnable beforeSplitAnswer = () -> {};

  /** The calls so far, in order. */
  public synchronized List<String> calls() {
    return List.copyOf(calls);
  }

  /** Calls whose line starts with {@code op}. */
  public synchronized List<String> calls(String op) {
    return calls.stream().filter(c -> c.startsWith(op + " ")).toList();
  }

  /** Every later call of {@code op} (e.g. "ChangeReplicas") fails with this error. */
  public void fail(String op, Supplier<CesiumException> error) {
    failures.put(op, error);
  }

  /** Calls of {@code op} succeed again. */
  public void heal(String op) {
    failures.remove(op);
  }

  /** Splits are recorded but answer only once the returned future is completed. */
  public CompletableFuture<Void> holdSplits() {
    CompletableFuture<Void> gate = new CompletableFuture<>();
    splitGate = gate;
    return gate;
  }

  /** Runs {@code r} after a split took effect on the tablet side, before it answers. */
  public void beforeSplitAnswer(Runnable r) {
    beforeSplitAnswer = r;
  }

  private synchronized <T> CompletableFuture<T> record(String op, String line, T answer) {
    calls.add(op + " " + line);
    Supplier<CesiumException> failure = failures.get(op);
    return failure == null
        ? CompletableFuture.completedFuture(answer)
        : CompletableFuture.failedFuture(failure.get());
  }

  static String nodes(List<ReplicaDescriptor> replicas) {
    return replicas.stream().map(ReplicaDescriptor::getNodeId).toList().toString();
  }

  @Override
  public CompletableFuture<Void> createReplica(ReplicaDescriptor on, TabletDescriptor tablet) {
    String line =
        "t"
            + tablet.getTabletId()
            + " on "
            + on.getNodeId()
            + " "
            + nodes(tablet.getReplicasList());
    return record("CreateReplica", line, null);
  }

  @Override
  public CompletableFuture<Void> removeReplica(ReplicaDescriptor on, long tabletId) {
    return record("RemoveReplica", "t" + tabletId + " on " + on.getNodeId(), null);
  }

  @Override
  public CompletableFuture<StatusResponse> status(ReplicaDescriptor on, long tabletId) {
    return record(
        "Status",
        "t" + tabletId + " on " + on.getNodeId(),
        StatusResponse.newBuilder().setNodeId(on.getNodeId()).build());
  }

  @Override
  public CompletableFuture<SplitResponse> split(
      TabletRoute route, ByteString splitKey, long rightTabletId) {
    TabletDescriptor t = route.tablet();
    ByteString at =
        splitKey.isEmpty() ? t.getStartKey().concat(ByteString.copyFrom(new byte[1])) : splitKey;
    SplitResponse answer =
        SplitResponse.newBuilder()
            .setLeft(t.toBuilder().setEndKey(at).setEpoch(t.getEpoch() + 1))
            .setRight(
                t.toBuilder().setTabletId(rightTabletId).setStartKey(at).setEpoch(t.getEpoch() + 1))
            .build();
    String line = "t" + t.getTabletId() + " at " + at.toStringUtf8() + " right t" + rightTabletId;
    CompletableFuture<SplitResponse> recorded = record("Split", line, answer);
    return splitGate.thenCompose(
        v -> {
          beforeSplitAnswer.run();
          return recorded;
        });
  }

  @Override
  public CompletableFuture<TabletDescriptor> changeReplicas(
      TabletRoute route, List<ReplicaDescriptor> replicas) {
    TabletDescriptor t = route.tablet();
    return record(
        "ChangeReplicas",
        "t" + t.getTabletId() + " " + nodes(replicas),
        t.toBuilder().clearReplicas().addAllReplicas(replicas).build());
  }

  @Override
  public CompletableFuture<Void> transferLeader(TabletRoute route, String targetNodeId) {
    return record("TransferLeader", "t" + route.tabletId() + " to " + targetNodeId, null);
  }

  @Override
  public void close() {}
}
