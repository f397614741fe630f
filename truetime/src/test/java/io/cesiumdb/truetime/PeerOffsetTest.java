package io.cesiumdb.truetime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PeerOffsetTest {

  @Test
  void estimatesFromOneRoundTrip() {
    TTInterval peer = new TTInterval(9_000, 11_000);
    PeerOffset offset = PeerOffset.estimate("n2", 35_000, peer, 35_400, 777);
    assertEquals(new PeerOffset("n2", 25_200, 200, 777), offset, "(t0+t2)/2 − p, (t2−t0)/2");
  }

  @Test
  void aLocalClockThatWentBackDuringTheRoundTripIsRejected() {
    TTInterval peer = new TTInterval(0, 0);
    assertThrows(IllegalArgumentException.class, () -> PeerOffset.estimate("n2", 10, peer, 9, 0));
  }

  @Test
  void certainlyBeyondAllowsForTheUncertainty() {
    assertFalse(new PeerOffset("n2", 20_000, 6_000, 0).certainlyBeyond(14_000), "14 ms at best");
    assertTrue(new PeerOffset("n2", 20_000, 5_999, 0).certainlyBeyond(14_000));
    assertTrue(new PeerOffset("n2", -20_000, 5_999, 0).certainlyBeyond(14_000), "either sign");
    assertFalse(new PeerOffset("n2", -14_000, 0, 0).certainlyBeyond(14_000));
  }

  @Test
  void describesOffsetAndUncertaintyInMilliseconds() {
    assertEquals("n2 +25.310 ms ±0.120 ms", new PeerOffset("n2", 25_310, 120, 0).describe());
    assertEquals("n3 -0.007 ms ±0.000 ms", new PeerOffset("n3", -7, 0, 0).describe());
  }

  @Test
  void rejectsInvalidFields() {
    assertThrows(IllegalArgumentException.class, () -> new PeerOffset(null, 0, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new PeerOffset("n2", 0, -1, 0));
  }
}
