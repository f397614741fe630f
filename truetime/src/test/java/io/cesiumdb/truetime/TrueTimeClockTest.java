package io.cesiumdb.truetime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrueTimeClockTest {

  private static final long START = 1_700_000_000_000_000L;

  private final ManualTimeSource reference = new ManualTimeSource(START);
  private final SimulatedClock clock =
      new SimulatedClock("n1", reference, EpsilonModel.fixed(1_000));
  private final TrueTime trueTime = TrueTime.of(clock);

  @Test
  void nowIsTheReadingPlusMinusEpsilon() {
    clock.setOffsetMicros(300);
    assertEquals(new TTInterval(START - 700, START + 1_300), trueTime.now());
    assertEquals(1_000, trueTime.epsilonMicros());
    assertInstanceOf(TrueTimeClock.class, trueTime);
    assertSame(clock, ((TrueTimeClock) trueTime).clockSource());
  }

  @Test
  void afterHoldsOnlyOnceEarliestHasPassed() {
    assertFalse(trueTime.after(START - 1_000), "earliest == t is not after t");
    assertTrue(trueTime.after(START - 1_001));
    reference.advance(1);
    assertTrue(trueTime.after(START - 1_000));
  }

  @Test
  void beforeHoldsOnlyWhileLatestHasNotArrived() {
    assertFalse(trueTime.before(START + 1_000), "latest == t does not put t in the future");
    assertTrue(trueTime.before(START + 1_001));
    reference.advance(1);
    assertFalse(trueTime.before(START + 1_001));
  }

  @Test
  void neitherAfterNorBeforeInsideTheInterval() {
    assertFalse(trueTime.after(START));
    assertFalse(trueTime.before(START));
  }

  @Test
  void backwardJumpDoesNotMoveEitherBoundBack() {
    TTInterval first = trueTime.now();
    clock.jumpMicros(-800);
    TTInterval second = trueTime.now();
    assertEquals(first, second, "both bounds clamped to what was already returned");
    reference.advance(500);
    assertEquals(first, trueTime.now(), "both bounds wait for the clock to catch up");
    reference.advance(500);
    TTInterval caughtUp = trueTime.now();
    assertEquals(
        new TTInterval(START + 1_000 - 800 - 1_000, START + 1_000 - 800 + 1_000), caughtUp);
  }

  @Test
  void epsilonShrinkingAtASyncDoesNotLowerLatest() {
    long poll = 30_000_000;
    SimulatedClock sawtooth = new SimulatedClock("n2", reference, EpsilonModel.spannerDefault());
    TrueTime tt = TrueTime.of(sawtooth);
    reference.advance(poll - 1);
    TTInterval beforeSync = tt.now();
    assertEquals(7_000, beforeSync.epsilon());
    reference.advance(1);
    TTInterval afterSync = tt.now();
    assertEquals(beforeSync.latest(), afterSync.latest(), "latest clamped: ε fell 7 → 1 ms");
    assertEquals(START + poll - 1_000, afterSync.earliest(), "earliest jumps forward");
  }

  @Test
  void concurrentCallersNeverSeeEitherBoundGoBack() throws InterruptedException {
    SimulatedClock wild = new SimulatedClock("n3", TimeSource.system(), EpsilonModel.fixed(500));
    wild.startStrobe(1_000_000, -1_000_000, 50);
    TrueTime tt = TrueTime.of(wild);
    List<Thread> threads = new ArrayList<>();
    List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; i < 4; i++) {
      Thread thread = new Thread(() -> readMonotonically(tt, failures));
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertEquals(List.of(), failures);
  }

  private static void readMonotonically(TrueTime tt, List<Throwable> failures) {
    try {
      TTInterval previous = tt.now();
      for (int i = 0; i < 20_000; i++) {
        TTInterval now = tt.now();
        assertTrue(now.earliest() >= previous.earliest(), previous + " then " + now);
        assertTrue(now.latest() >= previous.latest(), previous + " then " + now);
        previous = now;
      }
    } catch (Throwable t) {
      failures.add(t);
    }
  }

  @Test
  void rejectsAMissingClockSource() {
    assertThrows(IllegalArgumentException.class, () -> new TrueTimeClock(null));
  }
}
