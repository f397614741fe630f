package io.cesiumdb.truetime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SystemClockSourceTest {

  @Test
  void readsTheSystemTimeSource() {
    SystemClockSource clock = new SystemClockSource(EpsilonModel.fixed(3_000));
    assertSame(SystemTimeSource.INSTANCE, clock.timeSource());
    long before = TimeSource.system().nowMicros();
    long reading = clock.readMicros();
    long after = TimeSource.system().nowMicros();
    assertTrue(before <= reading && reading <= after, "reading comes from the system source");
    assertEquals(3_000, clock.epsilonMicros());
  }

  @Test
  void readIntervalPairsTheReadingWithItsEpsilon() {
    ManualTimeSource time = new ManualTimeSource(30_000_000L * 1_000 + 15_000_000);
    SystemClockSource clock = new SystemClockSource(time, EpsilonModel.spannerDefault());
    long now = time.nowMicros();
    assertEquals(new TTInterval(now - 4_000, now + 4_000), clock.readInterval());
    assertEquals(now, clock.readMicros());
  }

  @Test
  void rejectsMissingArguments() {
    assertThrows(IllegalArgumentException.class, () -> new SystemClockSource(null));
    ManualTimeSource time = new ManualTimeSource(0);
    assertThrows(IllegalArgumentException.class, () -> new SystemClockSource(null, null));
    assertSame(time, new SystemClockSource(time, EpsilonModel.fixed(1)).timeSource());
  }
}
