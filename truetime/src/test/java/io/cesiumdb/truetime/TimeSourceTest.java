package io.cesiumdb.truetime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** {@link ManualTimeSource} and {@link SystemTimeSource}. */
class TimeSourceTest {

  @Test
  void manualTimeMovesOnlyWhenTold() throws InterruptedException {
    ManualTimeSource time = new ManualTimeSource(1_000);
    assertEquals(1_000, time.nowMicros());
    assertEquals(1_250, time.advance(250));
    time.set(2_000);
    assertEquals(2_000, time.nowMicros());
    time.sleepMicros(500);
    assertEquals(2_500, time.nowMicros(), "sleeping advances manual time instead of blocking");
    time.sleepMicros(-7);
    assertEquals(2_500, time.nowMicros(), "a non-positive sleep is a no-op");
  }

  @Test
  void manualTimeNeverGoesBack() {
    ManualTimeSource time = new ManualTimeSource(1_000);
    assertThrows(IllegalArgumentException.class, () -> time.set(999));
    assertThrows(IllegalArgumentException.class, () -> time.advance(-1));
    assertEquals(1_000, time.nowMicros(), "a rejected move leaves the time alone");
  }

  @Test
  void manualSleepHonoursInterruption() {
    ManualTimeSource time = new ManualTimeSource(0);
    Thread.currentThread().interrupt();
    assertThrows(InterruptedException.class, () -> time.sleepMicros(10));
    assertFalse(Thread.interrupted(), "the interrupt flag is consumed");
    assertEquals(0, time.nowMicros());
  }

  @Test
  void manualTimeIsThreadSafe() throws InterruptedException {
    ManualTimeSource time = new ManualTimeSource(0);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Thread thread = new Thread(() -> repeatAdvance(time));
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertEquals(4 * 10_000, time.nowMicros());
  }

  private static void repeatAdvance(ManualTimeSource time) {
    for (int i = 0; i < 10_000; i++) {
      time.advance(1);
    }
  }

  @Test
  void systemTimeIsMonotonicAndTheSingleton() {
    assertSame(SystemTimeSource.INSTANCE, TimeSource.system());
    long previous = TimeSource.system().nowMicros();
    for (int i = 0; i < 100_000; i++) {
      long now = TimeSource.system().nowMicros();
      assertTrue(now >= previous, "went back from " + previous + " to " + now);
      previous = now;
    }
  }

  @Test
  void systemSleepWaitsAtLeastTheRequestedTime() throws InterruptedException {
    TimeSource system = TimeSource.system();
    long start = system.nowMicros();
    system.sleepMicros(2_000);
    assertTrue(system.nowMicros() - start >= 2_000, "woke before the requested time");
  }

  @Test
  void systemSleepIsInterruptible() throws InterruptedException {
    AtomicReference<Throwable> outcome = new AtomicReference<>();
    Thread sleeper =
        new Thread(
            () -> {
              try {
                TimeSource.system().sleepMicros(60_000_000);
              } catch (Throwable t) {
                outcome.set(t);
              }
            });
    sleeper.start();
    sleeper.interrupt();
    sleeper.join(10_000);
    assertFalse(sleeper.isAlive(), "an interrupted sleep must end");
    assertTrue(outcome.get() instanceof InterruptedException, "got " + outcome.get());
  }
}
