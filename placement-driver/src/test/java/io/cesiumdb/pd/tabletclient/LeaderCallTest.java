package io.cesiumdb.pd.tabletclient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.common.error.RetryHint;
import io.cesiumdb.proto.tablet.ReplicaDescriptor;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How a leader-only call finds the leader. Tablet 7 on n1, n2, n3. */
class LeaderCallTest {
  private static final TabletDescriptor TABLET =
      TabletDescriptor.newBuilder()
          .setTabletId(7)
          .addReplicas(replica("n1"))
          .addReplicas(replica("n2"))
          .addReplicas(replica("n3"))
          .build();

  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final List<String> tried = new ArrayList<>();

  @AfterEach
  void tearDown() {
    timer.shutdownNow();
  }

  private static ReplicaDescriptor replica(String node) {
    return ReplicaDescriptor.newBuilder().setNodeId(node).setTabletAddress(node + ":1").build();
  }

  private static CesiumException notLeader(String leader) {
    return CesiumException.retry(
        ErrorCode.NOT_LEADER, "not leader", new RetryHint.NotLeader("7", leader, ""));
  }

  /** Each node answers from {@code answers}: null = success, otherwise that failure. */
  private CompletableFuture<String> call(
      TabletRoute route, Duration total, Map<String, Function<Integer, CesiumException>> answers) {
    LeaderCall.Attempt<String> attempt =
        (target, timeout) -> {
          int n;
          synchronized (tried) {
            tried.add(target.getNodeId());
            n = tried.size();
          }
          CesiumException e = answers.getOrDefault(target.getNodeId(), i -> null).apply(n);
          return e == null
              ? CompletableFuture.completedFuture(target.getNodeId())
              : CompletableFuture.failedFuture(e);
        };
    return new LeaderCall<>(route, attempt, Duration.ofSeconds(1), total, timer).run();
  }

  @Test
  void followsTheNotLeaderHint() {
    String leader =
        call(
                TabletRoute.of(TABLET, "n1"),
                Duration.ofSeconds(5),
                Map.of("n1", i -> notLeader("n3"), "n2", i -> notLeader("n3")))
            .join();

    assertEquals("n3", leader);
    assertEquals(List.of("n1", "n3"), tried);
  }

  @Test
  void rotatesWhenNobodyKnowsAndTriesDownNodesLast() {
    TabletRoute route = new TabletRoute(TABLET, "", Set.of("n1"));
    String leader =
        call(
                route,
                Duration.ofSeconds(5),
                Map.of(
                    "n2",
                    i -> notLeader(""),
                    "n3",
                    i -> new CesiumException(ErrorCode.UNAVAILABLE, "starting")))
            .join();

    assertEquals("n1", leader);
    assertEquals(List.of("n2", "n3", "n1"), tried);
  }

  @Test
  void aNonRetryableAnswerEndsTheCall() {
    CompletableFuture<String> f =
        call(
            TabletRoute.of(TABLET, "n2"),
            Duration.ofSeconds(5),
            Map.of("n2", i -> new CesiumException(ErrorCode.INVALID_ARGUMENT, "bad key")));

    CompletionException e = assertThrows(CompletionException.class, f::join);
    assertEquals(ErrorCode.INVALID_ARGUMENT, CesiumException.from(e).code());
    assertEquals(List.of("n2"), tried);
  }

  @Test
  void givesUpAtTheDeadlineWithTheLastFailure() {
    Function<Integer, CesiumException> down =
        i -> new CesiumException(ErrorCode.UNAVAILABLE, "down " + i);
    CompletableFuture<String> f =
        call(
            TabletRoute.of(TABLET, ""),
            Duration.ofMillis(200),
            Map.of("n1", down, "n2", down, "n3", down));

    CompletionException e = assertThrows(CompletionException.class, f::join);
    assertEquals(ErrorCode.UNAVAILABLE, CesiumException.from(e).code());
    assertEquals(true, tried.size() >= 3, "rotated through the replicas: " + tried);
  }
}
