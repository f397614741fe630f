package io.cesiumdb.truetime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EpsilonModelTest {

  private static final long POLL = 30_000_000;

  @Test
  void fixedNeverChangesAndNeverSyncs() {
    EpsilonModel fixed = EpsilonModel.fixed(2_500);
    assertEquals(2_500, fixed.epsilonMicros(0));
    assertEquals(2_500, fixed.epsilonMicros(Long.MAX_VALUE));
    assertEquals(Long.MAX_VALUE, fixed.pollIntervalMicros());
    assertThrows(IllegalArgumentException.class, () -> EpsilonModel.fixed(-1));
  }

  @Test
  void spannerSawtoothGoesFromOneToSevenMilliseconds() {
    EpsilonModel spanner = EpsilonModel.spannerDefault();
    assertEquals(POLL, spanner.pollIntervalMicros());
    assertEquals(1_000, spanner.epsilonMicros(0), "right after a sync");
    assertEquals(4_000, spanner.epsilonMicros(POLL / 2), "mid-poll: the average ε̄");
    assertEquals(7_000, spanner.epsilonMicros(POLL - 1), "just before the next sync");
    assertEquals(7_000, spanner.epsilonMicros(POLL), "at the sync instant if it is late");
  }

  @Test
  void sawtoothResetsAtEachSyncOnTheSystemClockSchedule() {
    ManualTimeSource time = new ManualTimeSource(7 * POLL - 1);
    SystemClockSource clock = new SystemClockSource(time, EpsilonModel.spannerDefault());
    assertEquals(7_000, clock.epsilonMicros(), "just before a sync aligned to the epoch");
    time.advance(1);
    assertEquals(1_000, clock.epsilonMicros(), "just after the sync");
    time.advance(POLL / 2);
    assertEquals(4_000, clock.epsilonMicros(), "mid-poll");
  }

  @Test
  void driftTermIsRoundedUpNeverDown() {
    EpsilonModel model = EpsilonModel.sawtooth(1_000, 200, POLL);
    assertEquals(1_001, model.epsilonMicros(1), "200 µs/s for 1 µs is 0.0002 µs, rounded up");
    assertEquals(1_200, model.epsilonMicros(1_000_000));
    assertEquals(1_201, model.epsilonMicros(1_000_001));
  }

  @Test
  void aLateSyncKeepsEpsilonGrowingAndSaturates() {
    EpsilonModel model = EpsilonModel.spannerDefault();
    assertEquals(13_000, model.epsilonMicros(2 * POLL), "a missed sync doubles the drift term");
    assertEquals(1_000, model.epsilonMicros(-5), "negative elapsed time counts as a fresh sync");
    EpsilonModel steep = EpsilonModel.sawtooth(1, Long.MAX_VALUE / 2, POLL);
    assertEquals(Long.MAX_VALUE, steep.epsilonMicros(Long.MAX_VALUE), "saturates, never wraps");
  }

  @Test
  void sawtoothRejectsNonsense() {
    assertThrows(IllegalArgumentException.class, () -> EpsilonModel.sawtooth(-1, 200, POLL));
    assertThrows(IllegalArgumentException.class, () -> EpsilonModel.sawtooth(1_000, -1, POLL));
    assertThrows(IllegalArgumentException.class, () -> EpsilonModel.sawtooth(1_000, 200, 0));
  }
}
