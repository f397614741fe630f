package io.cesiumdb.truetime;

import static io.cesiumdb.truetime.TrueTimeAssertions.assertGuaranteeHolds;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lying clock: the TrueTime guarantee holds while the simulated offset is within ε and is
 * violated — and detected by {@link TrueTimeAssertions#assertGuaranteeHolds} — once it is not.
 */
class LyingClockTest {

  private static final long START = 1_700_000_000_000_000L;
  private static final long EPS = 1_000;

  private final ManualTimeSource reference = new ManualTimeSource(START);
  private final SimulatedClock clock = new SimulatedClock("n1", reference, EpsilonModel.fixed(EPS));

  @Test
  void guaranteeHoldsUpToAnOffsetOfExactlyEpsilon() {
    for (long offset : new long[] {-EPS, -EPS / 2, 0, EPS / 2, EPS}) {
      SimulatedClock node = new SimulatedClock("n" + offset, reference, EpsilonModel.fixed(EPS));
      node.setOffsetMicros(offset);
      assertTrue(node.isHonest());
      assertGuaranteeHolds(TrueTime.of(node), reference, "offset " + offset);
    }
  }

  @Test
  void aClockAheadByMoreThanEpsilonViolatesTheGuarantee() {
    clock.setOffsetMicros(EPS + 1);
    assertFalse(clock.isHonest());
    TrueTime tt = TrueTime.of(clock);
    AssertionError violation =
        assertThrows(AssertionError.class, () -> assertGuaranteeHolds(tt, reference, "ahead"));
    assertTrue(violation.getMessage().contains("outside"), violation.getMessage());
    assertTrue(tt.now().earliest() > reference.nowMicros(), "earliest is after true time");
  }

  @Test
  void aClockBehindByMoreThanEpsilonViolatesTheGuarantee() {
    clock.setOffsetMicros(-(EPS + 1));
    TrueTime tt = TrueTime.of(clock);
    assertThrows(AssertionError.class, () -> assertGuaranteeHolds(tt, reference, "behind"));
    assertTrue(tt.now().latest() < reference.nowMicros(), "latest is before true time");
  }

  @Test
  void driftFasterThanTheSawtoothAssumesLiesUntilTheNextSync() {
    SimulatedClock drifting = new SimulatedClock("n1", reference, EpsilonModel.spannerDefault());
    TrueTime tt = TrueTime.of(drifting);
    drifting.setDriftPpm(250);
    reference.advance(4_000_000);
    assertGuaranteeHolds(tt, reference, "1 ms of drift, ε 1.8 ms");
    reference.advance(20_000_000);
    assertFalse(drifting.isHonest(), "6 ms of drift against ε 5.8 ms");
    assertThrows(AssertionError.class, () -> assertGuaranteeHolds(tt, reference, "drift"));
    reference.advance(6_000_000);
    assertTrue(drifting.isHonest(), "the sync corrected the drift");
    assertGuaranteeHolds(tt, reference, "after the sync");
  }

  @Test
  void commitWaitOnALyingClockReturnsBeforeTrueTimeReachesTheTimestamp()
      throws InterruptedException {
    clock.setOffsetMicros(5 * EPS);
    TrueTime tt = TrueTime.of(clock);
    long s = tt.now().latest();
    tt.commitWait(s);
    assertTrue(tt.after(s), "the node believes s has passed");
    assertTrue(
        reference.nowMicros() < s,
        "but true time is still before s: a later transaction can get a smaller timestamp");
  }

  static java.util.stream.Stream<Long> seeds() {
    return Seeds.seeds();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyOffsetBeyondEpsilonIsDetected(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 200; i++) {
      long eps = random.nextLong(0, 10_000);
      long excess = random.nextLong(1, 1_000_000);
      long offset = random.nextBoolean() ? eps + excess : -(eps + excess);
      SimulatedClock liar = new SimulatedClock("n" + i, reference, EpsilonModel.fixed(eps));
      liar.setOffsetMicros(offset);
      String context = "seed " + seed + " ε " + eps + " offset " + offset;
      assertFalse(liar.isHonest(), context);
      assertThrows(
          AssertionError.class,
          () -> assertGuaranteeHolds(TrueTime.of(liar), reference, context),
          context + ": the violation went undetected");
      reference.advance(random.nextLong(0, 1_000));
    }
  }
}
