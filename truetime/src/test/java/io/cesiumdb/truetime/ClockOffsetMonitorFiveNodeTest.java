package io.cesiumdb.truetime;

import static io.cesiumdb.truetime.ClockOffsetMonitorTest.ids;
import static io.cesiumdb.truetime.ClockOffsetMonitorTest.sampled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.truetime.FakeCluster.FakePeer.Mode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Majority arithmetic in a 5-node cluster: healthy iff itself plus agreeing peers are at least 3.
 */
class ClockOffsetMonitorFiveNodeTest {

  private final FakeCluster cluster = new FakeCluster("n1", "n2", "n3", "n4", "n5");

  @Test
  void aSkewedNodeAgainstFourHonestOnesIsFenced() throws Exception {
    cluster.clock("n1").setOffsetMicros(-30_000);
    FencingVerdict verdict = sampled(cluster.monitor("n1"));
    assertTrue(verdict.fenced(), verdict.explanation());
    assertEquals(List.of("n2", "n3", "n4", "n5"), ids(verdict.disagreeing()));
  }

  @Test
  void twoSkewedPeersDoNotFenceAnHonestNode() throws Exception {
    cluster.clock("n4").setOffsetMicros(30_000);
    cluster.clock("n5").setOffsetMicros(-30_000);
    FencingVerdict verdict = sampled(cluster.monitor("n1"));
    assertFalse(verdict.fenced(), verdict.explanation());
    assertEquals(List.of("n2", "n3"), ids(verdict.agreeing()));
  }

  @Test
  void oneSkewedAndOneUnreachablePeerStillLeaveAMajority() throws Exception {
    cluster.clock("n5").setOffsetMicros(30_000);
    cluster.peer("n4").mode = Mode.FAIL;
    FencingVerdict verdict = sampled(cluster.monitor("n1"));
    assertFalse(verdict.fenced(), verdict.explanation());
    assertTrue(verdict.explanation().contains("beyond the bound: n5 -30.000 ms ±0.100 ms"));
    assertTrue(verdict.explanation().contains("no fresh sample from: n4"));
  }

  @Test
  void oneSkewedAndTwoUnreachablePeersFenceAnHonestNode() throws Exception {
    cluster.clock("n5").setOffsetMicros(30_000);
    cluster.peer("n3").mode = Mode.FAIL;
    cluster.peer("n4").mode = Mode.HANG;
    FencingVerdict verdict =
        sampled(cluster.monitor("n1", new ClockOffsetMonitor.Config(14_000, 20_000, 3_000_000, 8)));
    assertTrue(verdict.fenced(), verdict.explanation());
    assertEquals(
        "node n1 is fenced: no majority confirms its clock within the 14.000 ms bound;"
            + " beyond the bound: n5 -30.000 ms ±0.100 ms; no fresh sample from: n3, n4"
            + " (confirmed by 2 of 5 nodes including itself; 3 needed)",
        verdict.explanation());
  }

  @Test
  void aMajorityOfSkewedPeersFencesEvenAnHonestNode() throws Exception {
    cluster.clock("n3").setOffsetMicros(30_000);
    cluster.clock("n4").setOffsetMicros(30_000);
    cluster.clock("n5").setOffsetMicros(30_000);
    FencingVerdict verdict = sampled(cluster.monitor("n1"));
    assertTrue(verdict.fenced(), "fail-closed: n1 cannot tell who is wrong");
    assertTrue(verdict.explanation().contains("against a majority"), verdict.explanation());
  }
}
