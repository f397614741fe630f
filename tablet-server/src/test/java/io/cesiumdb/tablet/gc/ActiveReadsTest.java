package io.cesiumdb.tablet.gc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ActiveReadsTest {
  private final ActiveReads reads = new ActiveReads();

  @Test
  void oldestIsTheSmallestOpenReadTs() {
    assertEquals(OptionalLong.empty(), reads.oldest());
    ActiveReads.Registration r30 = reads.register(30);
    ActiveReads.Registration r10 = reads.register(10);
    ActiveReads.Registration r20 = reads.register(20);
    assertEquals(OptionalLong.of(10), reads.oldest());
    r10.close();
    assertEquals(OptionalLong.of(20), reads.oldest());
    r30.close();
    assertEquals(OptionalLong.of(20), reads.oldest());
    r20.close();
    assertEquals(OptionalLong.empty(), reads.oldest());
  }

  @Test
  void twoReadsAtOneTsAreTwoRegistrationsAndCloseIsIdempotent() {
    ActiveReads.Registration first = reads.register(5);
    try (ActiveReads.Registration second = reads.register(5)) {
      first.close();
      first.close();
      assertEquals(OptionalLong.of(5), reads.oldest(), "the second read at 5 still runs");
      assertEquals(1, reads.size());
      assertEquals(5, second.readTs());
    }
    assertEquals(OptionalLong.empty(), reads.oldest());
    assertEquals(0, reads.size());
  }

  @Test
  void aNegativeReadTsIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> reads.register(-1));
  }

  @Test
  void concurrentReadsLeaveNothingBehindAndTheOldestHoldsMeanwhile() throws Exception {
    ActiveReads.Registration pinned = reads.register(1);
    int threads = 4;
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Long>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        long base = 100 + t;
        results.add(pool.submit(() -> churn(go, base)));
      }
      go.countDown();
      for (Future<Long> result : results) {
        assertEquals(1L, result.get(10, TimeUnit.SECONDS), "oldest seen while the pin was held");
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, reads.size());
    pinned.close();
    assertEquals(OptionalLong.empty(), reads.oldest());
  }

  /** Registers and closes 2,000 reads; returns the largest oldest() seen in between. */
  private long churn(CountDownLatch go, long base) throws InterruptedException {
    go.await();
    long largest = Long.MIN_VALUE;
    for (int i = 0; i < 2_000; i++) {
      try (ActiveReads.Registration r = reads.register(base + i % 7)) {
        largest = Math.max(largest, reads.oldest().orElseThrow());
      }
    }
    return largest;
  }
}
