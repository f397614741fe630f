package io.cesiumdb.truetime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SimulatedClockTest {

  private static final long START = 1_700_000_000_000_000L;
  private static final long POLL = 30_000_000;

  private final ManualTimeSource reference = new ManualTimeSource(START);

  private SimulatedClock clock(EpsilonModel epsilon) {
    return new SimulatedClock("n1", reference, epsilon);
  }

  @Test
  void startsHonestWithNoOffset() {
    SimulatedClock clock = clock(EpsilonModel.fixed(1_000));
    assertEquals("n1", clock.nodeId());
    assertSame(reference, clock.timeSource());
    assertEquals(START, clock.readMicros());
    assertEquals(0, clock.trueOffsetMicros());
    assertTrue(clock.isHonest());
    assertEquals(new TTInterval(START - 1_000, START + 1_000), clock.readInterval());
  }

  @Test
  void offsetAndJumpMoveTheReading() {
    SimulatedClock clock = clock(EpsilonModel.fixed(1_000));
    clock.setOffsetMicros(700);
    assertEquals(START + 700, clock.readMicros());
    clock.jumpMicros(-1_500);
    assertEquals(-800, clock.trueOffsetMicros());
    assertEquals(START - 800, clock.readMicros());
    reference.advance(10);
    assertEquals(START + 10 - 800, clock.readMicros(), "the offset persists as time passes");
  }

  @Test
  void isHonestComparesTheOffsetWithEpsilon() {
    SimulatedClock clock = clock(EpsilonModel.fixed(1_000));
    clock.setOffsetMicros(1_000);
    assertTrue(clock.isHonest(), "|offset| == ε is still honest");
    clock.setOffsetMicros(-1_001);
    assertFalse(clock.isHonest());
  }

  @Test
  void driftAccumulatesThenResetsAtEachSync() {
    SimulatedClock clock = clock(EpsilonModel.spannerDefault());
    clock.setDriftPpm(200);
    reference.advance(10_000_000);
    assertEquals(2_000, clock.trueOffsetMicros(), "200 ppm over 10 s");
    reference.advance(POLL - 10_000_000 - 1);
    assertEquals(6_000, clock.trueOffsetMicros(), "just before the sync");
    assertEquals(7_000, clock.epsilonMicros());
    reference.advance(1);
    assertEquals(0, clock.trueOffsetMicros(), "the sync corrects the drift");
    assertEquals(1_000, clock.epsilonMicros(), "and resets the sawtooth ε");
    reference.advance(5_000_000);
    assertEquals(1_000, clock.trueOffsetMicros(), "drift starts again at the same rate");
  }

  @Test
  void changingTheDriftRateKeepsWhatHasAccumulated() {
    SimulatedClock clock = clock(EpsilonModel.spannerDefault());
    clock.setDriftPpm(100);
    reference.advance(10_000_000);
    clock.setDriftPpm(-50);
    assertEquals(1_000, clock.trueOffsetMicros(), "no jump when the rate changes");
    reference.advance(10_000_000);
    assertEquals(500, clock.trueOffsetMicros());
    reference.advance(10_000_000);
    assertEquals(0, clock.trueOffsetMicros(), "reset at the sync 30 s after construction");
    reference.advance(2_000_000);
    assertEquals(-100, clock.trueOffsetMicros(), "the new rate applies after the sync");
  }

  @Test
  void driftAddsToTheBaseOffset() {
    SimulatedClock clock = clock(EpsilonModel.spannerDefault());
    clock.setOffsetMicros(-300);
    clock.setDriftPpm(200);
    reference.advance(5_000_000);
    assertEquals(700, clock.trueOffsetMicros());
    reference.advance(POLL);
    assertEquals(700, clock.trueOffsetMicros(), "the sync resets drift, not the base offset");
  }

  @Test
  void fixedEpsilonNeverSyncsSoDriftGrowsUntilTheClockLies() {
    SimulatedClock clock = clock(EpsilonModel.fixed(1_000));
    clock.setDriftPpm(10);
    reference.advance(100_000_000);
    assertEquals(1_000, clock.trueOffsetMicros());
    assertTrue(clock.isHonest());
    reference.advance(1_000_000);
    assertEquals(1_010, clock.trueOffsetMicros());
    assertFalse(clock.isHonest());
  }

  @Test
  void strobeFlipsBetweenTwoOffsetsEveryPeriod() {
    SimulatedClock clock = clock(EpsilonModel.fixed(1_000));
    clock.setOffsetMicros(50);
    clock.startStrobe(200_000, -5_000, 10_000);
    assertEquals(200_000, clock.trueOffsetMicros(), "starts with A, replacing the base");
    reference.advance(9_999);
    assertEquals(200_000, clock.trueOffsetMicros());
    reference.advance(1);
    assertEquals(-5_000, clock.trueOffsetMicros(), "B after one period");
    reference.advance(10_000);
    assertEquals(200_000, clock.trueOffsetMicros(), "A again after two");
    reference.advance(35_000);
    assertEquals(-5_000, clock.trueOffsetMicros(), "B in the fifth period");
    clock.stopStrobe();
    assertEquals(50, clock.trueOffsetMicros(), "the base offset is back");
  }

  @Test
  void strobeRejectsANonPositivePeriod() {
    SimulatedClock clock = clock(EpsilonModel.fixed(1_000));
    assertThrows(IllegalArgumentException.class, () -> clock.startStrobe(1, 2, 0));
  }

  @Test
  void anEpsilonSpikeCanBeInjected() {
    SimulatedClock clock = clock(EpsilonModel.spannerDefault());
    clock.setEpsilonModel(EpsilonModel.fixed(50_000));
    assertEquals(50_000, clock.epsilonMicros());
    assertEquals(new TTInterval(START - 50_000, START + 50_000), clock.readInterval());
    assertThrows(IllegalArgumentException.class, () -> clock.setEpsilonModel(null));
  }

  @Test
  void readIntervalUsesOneInstantForReadingAndEpsilon() {
    SimulatedClock clock = clock(EpsilonModel.spannerDefault());
    clock.setDriftPpm(200);
    reference.advance(POLL - 1);
    long reading = START + POLL - 1 + 6_000;
    assertEquals(new TTInterval(reading - 7_000, reading + 7_000), clock.readInterval());
  }

  @Test
  void rejectsMissingArguments() {
    EpsilonModel eps = EpsilonModel.fixed(1);
    assertThrows(IllegalArgumentException.class, () -> new SimulatedClock(null, reference, eps));
    assertThrows(IllegalArgumentException.class, () -> new SimulatedClock("n", null, eps));
    assertThrows(IllegalArgumentException.class, () -> new SimulatedClock("n", reference, null));
  }
}
