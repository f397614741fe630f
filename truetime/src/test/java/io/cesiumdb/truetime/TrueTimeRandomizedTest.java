package io.cesiumdb.truetime;

import static io.cesiumdb.truetime.TrueTimeAssertions.assertGuaranteeHolds;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded randomized tests of the TrueTime invariants. Each seed runs against a random ε model and a
 * random sequence of offsets, drifts, jumps and strobes; the seed is in every message.
 */
class TrueTimeRandomizedTest {

  private static final int STEPS = 3_000;

  static java.util.stream.Stream<Long> seeds() {
    return Seeds.seeds();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void referenceTimeIsInsideEveryIntervalWhileTheClockIsHonest(long seed) {
    RandomSkew sim = new RandomSkew(seed, true);
    TrueTime tt = TrueTime.of(sim.clock);
    for (int i = 0; i < STEPS; i++) {
      String action = sim.step();
      String context = sim + " step " + i + " after " + action + ": " + sim.clock;
      assertTrue(sim.clock.isHonest(), context + ": the generator must stay within ε");
      assertGuaranteeHolds(tt, sim.reference, context);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void bothBoundsNeverDecreaseEvenWhenTheClockMisbehaves(long seed) {
    RandomSkew sim = new RandomSkew(seed, false);
    TrueTime tt = TrueTime.of(sim.clock);
    TTInterval previous = tt.now();
    for (int i = 0; i < STEPS; i++) {
      String context = sim + " step " + i + " after " + sim.step();
      TTInterval now = tt.now();
      assertTrue(now.earliest() >= previous.earliest(), context + ": earliest went back");
      assertTrue(now.latest() >= previous.latest(), context + ": latest went back");
      previous = now;
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void commitWaitEndsAfterTheTimestampWithoutOversleeping(long seed) throws InterruptedException {
    RandomSkew sim = new RandomSkew(seed, true);
    TrueTime tt = TrueTime.of(sim.clock);
    long bound = 2 * sim.maxEpsilonMicros() + 1;
    for (int i = 0; i < 300; i++) {
      String context = sim + " wait " + i + " after " + sim.step();
      long s = tt.now().latest() + sim.random.nextLong(0, 10_000);
      tt.commitWait(s);
      long reference = sim.reference.nowMicros();
      assertTrue(tt.after(s), context + ": after(" + s + ") is false");
      assertTrue(reference > s, context + ": true time " + reference + " has not passed " + s);
      assertTrue(
          reference - s <= bound,
          context + ": overslept to " + (reference - s) + " µs past s, bound " + bound);
    }
  }
}
