package io.cesiumdb.truetime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.truetime.ClockOffsetMonitor.Config;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Configuration, scheduled sampling, fencing exceptions and odd replies. */
class ClockOffsetMonitorLifecycleTest {

  @Test
  void defaultsFollowSpannersEpsilon() {
    Config defaults = Config.defaults();
    assertEquals(new Config(14_000, 500_000, 3_000_000, 8), defaults);
    assertEquals(2 * EpsilonModel.spannerDefault().epsilonMicros(30_000_000 - 1), 14_000);
  }

  @Test
  void configRejectsNonPositiveBounds() {
    assertThrows(IllegalArgumentException.class, () -> new Config(0, 1, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new Config(1, 0, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new Config(1, 1, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new Config(1, 1, 1, 0));
  }

  @Test
  void checkNotFencedThrowsWithTheVerdict() {
    FakeCluster cluster = new FakeCluster("n1", "n2", "n3");
    ClockOffsetMonitor monitor = cluster.monitor("n1");
    ClockFencedException fenced = assertThrows(ClockFencedException.class, monitor::checkNotFenced);
    assertTrue(fenced.verdict().fenced());
    assertEquals(List.of("n2", "n3"), fenced.verdict().unreachable());
    assertEquals(fenced.verdict().explanation(), fenced.getMessage());
  }

  @Test
  void aReplyDuringWhichTheLocalClockWentBackIsDropped() throws Exception {
    FakeCluster cluster = new FakeCluster("n1", "n2");
    SimulatedClock self = cluster.clock("n1");
    ClockPeer jumpsSelfBack =
        new ClockPeer() {
          @Override
          public String nodeId() {
            return "n2";
          }

          @Override
          public CompletableFuture<TTInterval> sampleClock() {
            self.jumpMicros(-5_000);
            return CompletableFuture.completedFuture(TrueTime.of(cluster.clock("n2")).now());
          }
        };
    ClockOffsetMonitor monitor =
        new ClockOffsetMonitor("n1", self, () -> List.of(jumpsSelfBack), Config.defaults());
    monitor.sampleOnce().get(5, TimeUnit.SECONDS);
    assertEquals(List.of("n2"), monitor.verdict().unreachable());
  }

  @Test
  void startSamplesPeriodicallyUntilClosed() throws Exception {
    FakeCluster cluster = new FakeCluster("n1", "n2", "n3");
    CountDownLatch rounds = new CountDownLatch(3);
    ClockPeer counting = countingPeer(cluster.peer("n2"), rounds);
    ClockOffsetMonitor monitor =
        new ClockOffsetMonitor(
            "n1",
            cluster.clock("n1"),
            () -> List.of(counting, cluster.peer("n3")),
            new Config(14_000, 1_000, 3_000_000, 8));
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    try {
      monitor.start(scheduler);
      assertTrue(rounds.await(10, TimeUnit.SECONDS), "three scheduled rounds");
      assertFalse(monitor.verdict().fenced(), monitor.verdict().explanation());
      assertThrows(IllegalStateException.class, () -> monitor.start(scheduler));
      monitor.close();
      assertThrows(IllegalStateException.class, () -> monitor.start(scheduler));
    } finally {
      scheduler.shutdownNow();
      assertTrue(scheduler.awaitTermination(10, TimeUnit.SECONDS));
    }
  }

  private static ClockPeer countingPeer(ClockPeer delegate, CountDownLatch latch) {
    return new ClockPeer() {
      @Override
      public String nodeId() {
        return delegate.nodeId();
      }

      @Override
      public CompletableFuture<TTInterval> sampleClock() {
        return delegate.sampleClock().whenComplete((interval, failure) -> latch.countDown());
      }
    };
  }

  @Test
  void aThrowingPeerSupplierFailsTheRoundInsteadOfThrowing() {
    FakeCluster cluster = new FakeCluster("n1", "n2");
    ClockOffsetMonitor monitor =
        new ClockOffsetMonitor(
            "n1",
            cluster.clock("n1"),
            () -> {
              throw new IllegalStateException("membership not loaded yet");
            },
            Config.defaults());
    CompletableFuture<Void> round = monitor.sampleOnce();
    assertTrue(round.isCompletedExceptionally(), "async API: fail the future, do not throw");
  }

  @Test
  void aThrowingPeerSupplierDoesNotStopScheduledSampling() throws Exception {
    FakeCluster cluster = new FakeCluster("n1", "n2");
    CountDownLatch calls = new CountDownLatch(3);
    ClockOffsetMonitor monitor =
        new ClockOffsetMonitor(
            "n1",
            cluster.clock("n1"),
            () -> {
              calls.countDown();
              throw new IllegalStateException("membership not loaded yet");
            },
            new Config(14_000, 1_000, 3_000_000, 8));
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    try (monitor) {
      monitor.start(scheduler);
      assertTrue(calls.await(10, TimeUnit.SECONDS), "rounds continue after a failed one");
    } finally {
      scheduler.shutdownNow();
    }
  }
}
