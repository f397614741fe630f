package io.cesiumdb.truetime;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.truetime.ClockOffsetMonitor.Config;
import io.cesiumdb.truetime.FakeCluster.FakePeer.Mode;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Fencing decisions of the {@link ClockOffsetMonitor} in 1-, 3- and 5-node fake clusters. */
class ClockOffsetMonitorTest {

  private static final long SKEW = 25_000;

  static List<String> ids(List<PeerOffset> offsets) {
    return offsets.stream().map(PeerOffset::peerId).toList();
  }

  static FencingVerdict sampled(ClockOffsetMonitor monitor) throws Exception {
    monitor.sampleOnce().get(5, TimeUnit.SECONDS);
    return monitor.verdict();
  }

  @Test
  void aSkewedNodeInThreeFencesItself() throws Exception {
    FakeCluster cluster = new FakeCluster("n1", "n2", "n3");
    cluster.clock("n1").setOffsetMicros(SKEW);
    FencingVerdict verdict = sampled(cluster.monitor("n1"));
    assertTrue(verdict.fenced(), verdict.explanation());
    assertEquals(List.of("n2", "n3"), ids(verdict.disagreeing()));
    assertEquals(SKEW, verdict.disagreeing().get(0).offsetMicros());
    assertEquals(100, verdict.disagreeing().get(0).uncertaintyMicros(), "RTT/2");
    assertEquals(
        "node n1 is fenced: its clock offset exceeds the 14.000 ms bound against a majority:"
            + " n2 +25.000 ms ±0.100 ms, n3 +25.000 ms ±0.100 ms"
            + " (confirmed by 1 of 3 nodes including itself; 2 needed)",
        verdict.explanation());
  }

  @Test
  void anHonestNodeNextToASkewedOneStaysHealthy() throws Exception {
    FakeCluster cluster = new FakeCluster("n1", "n2", "n3");
    cluster.clock("n1").setOffsetMicros(SKEW);
    ClockOffsetMonitor monitor = cluster.monitor("n2");
    FencingVerdict verdict = sampled(monitor);
    assertFalse(verdict.fenced(), verdict.explanation());
    assertEquals(List.of("n3"), ids(verdict.agreeing()));
    assertEquals(List.of("n1"), ids(verdict.disagreeing()));
    assertEquals(-SKEW, verdict.disagreeing().get(0).offsetMicros(), "self − peer");
    assertTrue(verdict.explanation().contains("n1 -25.000 ms ±0.100 ms"), verdict.explanation());
    assertDoesNotThrow(monitor::checkNotFenced);
  }

  @Test
  void honestNodesWithinTwoEpsilonAgree() throws Exception {
    FakeCluster cluster = new FakeCluster("n1", "n2", "n3");
    cluster.clock("n1").setOffsetMicros(7_000);
    cluster.clock("n2").setOffsetMicros(-7_000);
    FencingVerdict verdict = sampled(cluster.monitor("n1"));
    assertFalse(verdict.fenced(), verdict.explanation());
    assertEquals(14_000, verdict.agreeing().get(0).offsetMicros(), "exactly at the bound");
  }

  @Test
  void aNodeIsFencedBeforeItsFirstSamples() {
    FakeCluster cluster = new FakeCluster("n1", "n2", "n3");
    FencingVerdict verdict = cluster.monitor("n1").verdict();
    assertTrue(verdict.fenced(), "fail-closed");
    assertEquals(List.of("n2", "n3"), verdict.unreachable());
    assertEquals(
        "node n1 is fenced: no majority confirms its clock within the 14.000 ms bound;"
            + " no fresh sample from: n2, n3 (confirmed by 1 of 3 nodes including itself;"
            + " 2 needed)",
        verdict.explanation());
  }

  @Test
  void unreachablePeersFailClosed() throws Exception {
    FakeCluster cluster = new FakeCluster("n1", "n2", "n3");
    cluster.peer("n2").mode = Mode.FAIL;
    cluster.peer("n3").mode = Mode.THROW;
    FencingVerdict verdict = sampled(cluster.monitor("n1"));
    assertTrue(verdict.fenced(), verdict.explanation());
    assertEquals(List.of("n2", "n3"), verdict.unreachable());
  }

  @Test
  void oneUnreachablePeerOutOfTwoStillLeavesAMajority() throws Exception {
    FakeCluster cluster = new FakeCluster("n1", "n2", "n3");
    cluster.peer("n3").mode = Mode.FAIL;
    FencingVerdict verdict = sampled(cluster.monitor("n1"));
    assertFalse(verdict.fenced(), verdict.explanation());
    assertTrue(verdict.explanation().contains("no fresh sample from: n3"), verdict.explanation());
  }

  @Test
  void aPeerThatNeverAnswersTimesOutAndCountsAsUnreachable() throws Exception {
    FakeCluster cluster = new FakeCluster("n1", "n2", "n3");
    cluster.peer("n3").mode = Mode.HANG;
    Config quick = new Config(14_000, 20_000, 3_000_000, 8);
    FencingVerdict verdict = sampled(cluster.monitor("n1", quick));
    assertEquals(List.of("n3"), verdict.unreachable());
    assertEquals(List.of("n2"), ids(verdict.agreeing()));
  }

  @Test
  void samplesExpireAfterTheStalenessWindow() throws Exception {
    FakeCluster cluster = new FakeCluster("n1", "n2", "n3");
    ClockOffsetMonitor monitor = cluster.monitor("n1");
    assertFalse(sampled(monitor).fenced());
    cluster.reference.advance(3_000_000);
    assertFalse(monitor.verdict().fenced(), "a sample exactly 3 s old is still fresh");
    cluster.reference.advance(1);
    FencingVerdict stale = monitor.verdict();
    assertTrue(stale.fenced(), stale.explanation());
    assertEquals(List.of("n2", "n3"), stale.unreachable());
  }

  @Test
  void freshnessIsMeasuredOnReferenceTimeNotTheSkewableClock() throws Exception {
    FakeCluster cluster = new FakeCluster("n1", "n2", "n3");
    ClockOffsetMonitor monitor = cluster.monitor("n1");
    assertFalse(sampled(monitor).fenced());
    cluster.clock("n1").jumpMicros(10_000_000);
    assertEquals(2, monitor.verdict().agreeing().size(), "a forward clock jump ages nothing");
  }

  @Test
  void unfencesWhenTheOffsetComesBackWithinTheBound() throws Exception {
    FakeCluster cluster = new FakeCluster("n1", "n2", "n3");
    ClockOffsetMonitor monitor = cluster.monitor("n1");
    cluster.clock("n1").setOffsetMicros(SKEW);
    assertTrue(sampled(monitor).fenced());
    cluster.clock("n1").setOffsetMicros(2_000);
    FencingVerdict verdict = sampled(monitor);
    assertFalse(verdict.fenced(), "newest sample wins a tie in uncertainty: " + verdict);
    assertEquals(2_000, verdict.agreeing().get(0).offsetMicros());
  }

  @Test
  void aStepBackInBoundUnfencesWithinOneRoundDespiteAPreciseOldSample() throws Exception {
    FakeCluster cluster = new FakeCluster("n1", "n2", "n3");
    ClockOffsetMonitor monitor = cluster.monitor("n1");
    cluster.clock("n1").setOffsetMicros(SKEW);
    assertTrue(sampled(monitor).fenced());
    cluster.clock("n1").setOffsetMicros(0);
    cluster.peer("n2").rttMicros = 1_000;
    cluster.peer("n3").rttMicros = 1_000;
    assertFalse(
        sampled(monitor).fenced(),
        "the precise skewed samples contradict the new ones (disjoint intervals) and are dropped");
  }

  @Test
  void onlyTheLastSamplesKeptAreConsidered() throws Exception {
    FakeCluster cluster = new FakeCluster("n1", "n2", "n3");
    ClockOffsetMonitor monitor = cluster.monitor("n1", new Config(14_000, 500_000, 3_000_000, 2));
    cluster.clock("n1").setOffsetMicros(SKEW);
    assertTrue(sampled(monitor).fenced());
    cluster.clock("n1").setOffsetMicros(0);
    cluster.peer("n2").rttMicros = 1_000;
    cluster.peer("n3").rttMicros = 1_000;
    sampled(monitor);
    assertFalse(sampled(monitor).fenced(), "the precise skewed sample fell out of the window");
  }

  @Test
  void aLargeRoundTripIsNotMistakenForCertainSkew() throws Exception {
    FakeCluster cluster = new FakeCluster("n1", "n2", "n3");
    ClockOffsetMonitor monitor = cluster.monitor("n1");
    cluster.clock("n1").setOffsetMicros(20_000);
    cluster.peer("n2").rttMicros = 20_000;
    cluster.peer("n3").rttMicros = 20_000;
    FencingVerdict noisy = sampled(monitor);
    assertFalse(noisy.fenced(), "20 ms ± 10 ms may be within 14 ms: " + noisy.explanation());
    assertEquals(10_000, noisy.agreeing().get(0).uncertaintyMicros());
    cluster.peer("n2").rttMicros = 200;
    cluster.peer("n3").rttMicros = 200;
    FencingVerdict precise = sampled(monitor);
    assertTrue(precise.fenced(), "20 ms ± 0.1 ms is certainly beyond: " + precise.explanation());
  }

  @Test
  void aSingleNodeClusterIsHealthy() throws Exception {
    ClockOffsetMonitor monitor =
        new ClockOffsetMonitor(
            "solo",
            new SimulatedClock("solo", new ManualTimeSource(0), EpsilonModel.fixed(1)),
            List::of,
            Config.defaults());
    FencingVerdict verdict = sampled(monitor);
    assertFalse(verdict.fenced());
    assertEquals(1, verdict.clusterSize());
    assertTrue(verdict.explanation().contains("single-node"), verdict.explanation());
  }

  @Test
  void theNodeItselfInThePeerListIsIgnored() throws Exception {
    FakeCluster cluster = new FakeCluster("n1", "n2", "n3");
    ClockOffsetMonitor monitor =
        new ClockOffsetMonitor(
            "n1",
            cluster.clock("n1"),
            () -> List.of(cluster.peer("n1"), cluster.peer("n2"), cluster.peer("n3")),
            Config.defaults());
    assertEquals(3, sampled(monitor).clusterSize());
  }

  @Test
  void peersThatLeaveTheClusterNoLongerCount() throws Exception {
    FakeCluster cluster = new FakeCluster("n1", "n2", "n3");
    AtomicReference<List<ClockPeer>> current = new AtomicReference<>(cluster.peersOf("n1"));
    ClockOffsetMonitor monitor =
        new ClockOffsetMonitor("n1", cluster.clock("n1"), current::get, Config.defaults());
    cluster.clock("n1").setOffsetMicros(SKEW);
    assertTrue(sampled(monitor).fenced());
    current.set(List.of());
    FencingVerdict alone = monitor.verdict();
    assertFalse(alone.fenced(), alone.explanation());
    assertEquals(1, alone.clusterSize());
  }
}
