package io.cesiumdb.truetime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Steps of the clock beyond half the offset bound are jumps; skews and strobes within ε are not.
 */
class ClockJumpDetectorTest {
  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
  private final SimulatedClock clock =
      new SimulatedClock("n1", TimeSource.system(), EpsilonModel.fixed(1_000));
  private final ClockJumpDetector detector = new ClockJumpDetector(clock, 7_000);

  @Test
  void aStepWithinTheThresholdIsNoJump() {
    detector.readInterval();
    clock.setOffsetMicros(1_000);
    detector.readInterval();
    clock.setOffsetMicros(-800);
    detector.readMicros();
    assertFalse(detector.jumpedWithin(SECOND));
    assertEquals(0, detector.lastJumpMicros());
  }

  @Test
  void aForwardStepBeyondTheThresholdIsAJumpSeenByTheReadingThatRevealsIt() {
    detector.readInterval();
    clock.setOffsetMicros(56_000);
    detector.readInterval();
    assertTrue(detector.jumpedWithin(SECOND));
    long step = detector.lastJumpMicros();
    assertTrue(step > 55_000 && step < 57_000, "step " + step);
  }

  @Test
  void aBackwardStepIsAJumpToo() {
    detector.readMicros();
    clock.setOffsetMicros(-56_000);
    detector.readMicros();
    assertTrue(detector.jumpedWithin(SECOND));
    assertTrue(detector.lastJumpMicros() < -55_000);
  }

  @Test
  void aReadingDelayedByTheSchedulerIsNotAJump() {
    long[] stallNanos = {0};
    ClockSource slow =
        new ClockSource() {
          @Override
          public long readMicros() {
            long reading = clock.readMicros();
            long until = System.nanoTime() + stallNanos[0];
            while (System.nanoTime() < until) {
              Thread.onSpinWait(); // the thread descheduled between the reading and its return
            }
            return reading;
          }

          @Override
          public long epsilonMicros() {
            return clock.epsilonMicros();
          }

          @Override
          public TimeSource timeSource() {
            return clock.timeSource();
          }
        };
    ClockJumpDetector d = new ClockJumpDetector(slow, 2_000);
    d.readMicros();
    stallNanos[0] = TimeUnit.MILLISECONDS.toNanos(5);
    d.readMicros();
    stallNanos[0] = 0;
    d.readMicros();
    assertFalse(d.jumpedWithin(SECOND), "a 5 ms stall around a reading is not a 2 ms step");
  }

  @Test
  void aStepFromMinusToPlusEpsilonIsHonestAndNoJump() {
    clock.setEpsilonModel(EpsilonModel.fixed(10_000));
    clock.setOffsetMicros(-5_000);
    detector.readInterval();
    clock.setOffsetMicros(5_000);
    detector.readInterval();
    assertFalse(detector.jumpedWithin(SECOND), "10 ms within 2ε = 20 ms");
    clock.setOffsetMicros(-25_000);
    detector.readInterval();
    assertTrue(detector.jumpedWithin(SECOND), "30 ms is beyond 2ε");
  }

  @Test
  void theFirstReadingHasNothingToCompareWith() {
    clock.setOffsetMicros(100_000);
    detector.readInterval();
    assertFalse(detector.jumpedWithin(SECOND));
  }
}
