package io.cesiumdb.truetime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Commit wait on manual and real time. Correctness only: speed belongs to benchmarks. */
class CommitWaitTest {

  private static final long START = 1_700_000_000_000_000L;

  @Test
  void returnsAtOnceWhenTheTimestampHasAlreadyPassed() throws InterruptedException {
    ManualTimeSource reference = new ManualTimeSource(START);
    TrueTime tt = TrueTime.of(new SimulatedClock("n1", reference, EpsilonModel.fixed(1_000)));
    tt.commitWait(START - 5_000);
    assertEquals(START, reference.nowMicros(), "no time passes when after(t) already holds");
  }

  @Test
  void waitsOutTwoEpsilonOnManualTime() throws InterruptedException {
    ManualTimeSource reference = new ManualTimeSource(START);
    TrueTime tt = TrueTime.of(new SimulatedClock("n1", reference, EpsilonModel.fixed(4_000)));
    long s = tt.now().latest();
    tt.commitWait(s);
    assertTrue(tt.after(s));
    assertEquals(START + 8_001, reference.nowMicros(), "exactly 2ε + 1 µs of simulated time");
  }

  @Test
  void spinPhaseFallsBackToSleepingWhenTimeDoesNotMoveByItself() throws InterruptedException {
    ManualTimeSource reference = new ManualTimeSource(START);
    TrueTime tt = TrueTime.of(new SimulatedClock("n1", reference, EpsilonModel.fixed(10)));
    long s = tt.now().latest();
    tt.commitWait(s);
    assertTrue(tt.after(s), "a 21 µs wait is all spin window; it must still finish");
    assertEquals(START + 21, reference.nowMicros());
  }

  @Test
  void aBackwardJumpDuringTheWaitLengthensItByTheJump() throws InterruptedException {
    ManualTimeSource reference = new ManualTimeSource(START);
    SimulatedClock clock = new SimulatedClock("n1", reference, EpsilonModel.fixed(2_000));
    TrueTime tt = TrueTime.of(clock);
    long s = tt.now().latest();
    clock.jumpMicros(-1_500);
    tt.commitWait(s);
    assertTrue(tt.after(s));
    assertEquals(START + 4_000 + 1_500 + 1, reference.nowMicros(), "2ε + the jump + 1 µs");
  }

  @Test
  void aBackwardJumpOnTheSystemClockStillEndsAfterTheTimestamp() throws InterruptedException {
    SimulatedClock clock = new SimulatedClock("n1", TimeSource.system(), EpsilonModel.fixed(2_000));
    TrueTime tt = TrueTime.of(clock);
    long s = tt.now().latest();
    clock.jumpMicros(-1_500);
    tt.commitWait(s);
    assertTrue(tt.after(s));
    assertTrue(TimeSource.system().nowMicros() > s, "honest clock: true time is past s");
  }

  @Test
  void interruptionStopsTheWait() {
    ManualTimeSource reference = new ManualTimeSource(START);
    TrueTime tt = TrueTime.of(new SimulatedClock("n1", reference, EpsilonModel.fixed(1_000)));
    Thread.currentThread().interrupt();
    assertThrows(InterruptedException.class, () -> tt.commitWait(START + 5_000));
    assertFalse(Thread.interrupted(), "the interrupt flag is consumed");
  }

  @Test
  void shortWaitsOnTheSystemClockEndAfterTheTimestamp() throws InterruptedException {
    TrueTime tt = TrueTime.of(new SystemClockSource(EpsilonModel.fixed(1_000)));
    for (int i = 0; i < 3; i++) {
      long s = tt.now().latest();
      tt.commitWait(s);
      assertTrue(tt.after(s), "after(s) must hold when commit wait returns");
    }
  }

  @Test
  void waitsInsideTheSpinWindowOnTheSystemClockEndAfterTheTimestamp() throws InterruptedException {
    TrueTime tt = TrueTime.of(new SystemClockSource(EpsilonModel.fixed(40)));
    long s = tt.now().latest();
    tt.commitWait(s);
    assertTrue(tt.after(s));
  }

  @Test
  void skewedSimulatedClockOverSystemTimeEndsAfterTheTimestamp() throws InterruptedException {
    SimulatedClock clock = new SimulatedClock("n1", TimeSource.system(), EpsilonModel.fixed(2_000));
    clock.setOffsetMicros(-1_500);
    TrueTime tt = TrueTime.of(clock);
    long s = tt.now().latest();
    tt.commitWait(s);
    assertTrue(tt.after(s));
    assertTrue(TimeSource.system().nowMicros() > s, "honest clock: true time is past s");
  }

  @Test
  void interruptingARealWaitStopsIt() throws InterruptedException {
    TrueTime tt = TrueTime.of(new SystemClockSource(EpsilonModel.fixed(1_000)));
    AtomicReference<Throwable> outcome = new AtomicReference<>();
    Thread waiter =
        new Thread(
            () -> {
              try {
                tt.commitWait(tt.now().latest() + 60_000_000);
              } catch (Throwable t) {
                outcome.set(t);
              }
            });
    waiter.start();
    waiter.interrupt();
    waiter.join(10_000);
    assertFalse(waiter.isAlive(), "an interrupted commit wait must end");
    assertTrue(outcome.get() instanceof InterruptedException, "got " + outcome.get());
  }
}
