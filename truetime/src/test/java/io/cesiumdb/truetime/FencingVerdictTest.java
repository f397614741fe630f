package io.cesiumdb.truetime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FencingVerdictTest {

  private static final long BOUND = 14_000;

  private static PeerOffset offset(String peer, long micros, long uncertainty) {
    return new PeerOffset(peer, micros, uncertainty, 0);
  }

  @Test
  void majorityOfTheCluster() {
    assertEquals(1, FencingVerdict.majorityOf(1));
    assertEquals(2, FencingVerdict.majorityOf(2));
    assertEquals(2, FencingVerdict.majorityOf(3));
    assertEquals(3, FencingVerdict.majorityOf(4));
    assertEquals(3, FencingVerdict.majorityOf(5));
  }

  @Test
  void explainsAFencedNodeNamingEveryPeer() {
    FencingVerdict verdict =
        FencingVerdict.decide(
            "n1",
            BOUND,
            List.of(),
            List.of(offset("n2", 25_310, 120), offset("n3", 25_290, 100)),
            List.of("n4"));
    assertTrue(verdict.fenced());
    assertEquals(4, verdict.clusterSize());
    assertEquals(
        "node n1 is fenced: its clock offset exceeds the 14.000 ms bound against a majority:"
            + " n2 +25.310 ms ±0.120 ms, n3 +25.290 ms ±0.100 ms; no fresh sample from: n4"
            + " (confirmed by 1 of 4 nodes including itself; 3 needed)",
        verdict.explanation());
  }

  @Test
  void twoNodesNeedBothToAgree() {
    FencingVerdict alone = FencingVerdict.decide("n1", BOUND, List.of(), List.of(), List.of("n2"));
    assertTrue(alone.fenced(), "1 of 2 is not a majority");
    FencingVerdict agreed =
        FencingVerdict.decide("n1", BOUND, List.of(offset("n2", 0, 0)), List.of(), List.of());
    assertFalse(agreed.fenced());
  }

  @Test
  void isImmutable() {
    List<String> unreachable = new ArrayList<>(List.of("n2"));
    FencingVerdict verdict = FencingVerdict.decide("n1", BOUND, List.of(), List.of(), unreachable);
    unreachable.add("n3");
    assertEquals(List.of("n2"), verdict.unreachable());
    assertThrows(UnsupportedOperationException.class, () -> verdict.unreachable().add("n4"));
  }

  @Test
  void theExceptionCarriesTheVerdict() {
    FencingVerdict verdict =
        FencingVerdict.decide("n1", BOUND, List.of(), List.of(), List.of("n2"));
    ClockFencedException exception = new ClockFencedException(verdict);
    assertSame(verdict, exception.verdict());
    assertEquals(verdict.explanation(), exception.getMessage());
  }
}
