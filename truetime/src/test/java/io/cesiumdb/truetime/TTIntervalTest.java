package io.cesiumdb.truetime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TTIntervalTest {

  @Test
  void rejectsEarliestAfterLatest() {
    assertThrows(IllegalArgumentException.class, () -> new TTInterval(11, 10));
    assertEquals(10, new TTInterval(10, 10).latest(), "a point interval is valid");
  }

  @Test
  void epsilonIsHalfTheWidthRoundedDown() {
    assertEquals(1_000, new TTInterval(9_000, 11_000).epsilon());
    assertEquals(1, new TTInterval(0, 3).epsilon());
    assertEquals(0, new TTInterval(5, 5).epsilon());
  }

  @Test
  void midpointIsTheCentreRoundedDown() {
    assertEquals(10_000, new TTInterval(9_000, 11_000).midpoint());
    assertEquals(1, new TTInterval(0, 3).midpoint());
    assertEquals(-2, new TTInterval(-3, 0).midpoint());
  }

  @Test
  void extremeIntervalsDoNotOverflow() {
    TTInterval all = new TTInterval(Long.MIN_VALUE, Long.MAX_VALUE);
    assertEquals(Long.MAX_VALUE, all.epsilon());
    assertEquals(-1, all.midpoint());
  }

  @Test
  void containsIsInclusiveAtBothEnds() {
    TTInterval interval = new TTInterval(100, 200);
    assertTrue(interval.contains(100));
    assertTrue(interval.contains(150));
    assertTrue(interval.contains(200));
    assertFalse(interval.contains(99));
    assertFalse(interval.contains(201));
  }

  @Test
  void aroundBuildsASymmetricInterval() {
    assertEquals(new TTInterval(4_000, 6_000), TTInterval.around(5_000, 1_000));
    assertThrows(IllegalArgumentException.class, () -> TTInterval.around(5_000, -1));
  }
}
