package io.cesiumdb.tablet.gc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cesiumdb.truetime.TTInterval;
import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class GcPolicyTest {
  private static final long HOUR_MICROS = 3_600_000_000L;

  @Test
  void theDefaultRetentionIsOneHour() {
    assertEquals(Duration.ofHours(1), GcPolicy.defaults().retention());
    long now = 10 * HOUR_MICROS;
    assertEquals(9 * HOUR_MICROS, GcPolicy.defaults().horizon(now, OptionalLong.empty()));
  }

  @Test
  void theOldestRunningReadHoldsTheHorizonBack() {
    GcPolicy policy = new GcPolicy(Duration.ofSeconds(10));
    long now = 100_000_000;
    assertEquals(90_000_000, policy.horizon(now, OptionalLong.of(95_000_000)), "newer read");
    assertEquals(42, policy.horizon(now, OptionalLong.of(42)), "older read");
    assertEquals(90_000_000, policy.horizon(now, OptionalLong.of(90_000_000)));
  }

  @Test
  void theHorizonIsNeverNegative() {
    GcPolicy policy = GcPolicy.defaults();
    assertEquals(0, policy.horizon(HOUR_MICROS - 1, OptionalLong.empty()));
    assertEquals(0, policy.horizon(-5, OptionalLong.empty()));
    assertEquals(0, policy.horizon(2 * HOUR_MICROS, OptionalLong.of(-3)));
    GcPolicy forever = new GcPolicy(Duration.ofSeconds(Long.MAX_VALUE));
    assertEquals(0, forever.horizon(Long.MAX_VALUE, OptionalLong.empty()), "saturates");
  }

  @Test
  void zeroRetentionFollowsTheEarliestBoundOfTheClock() {
    GcPolicy policy = new GcPolicy(Duration.ZERO);
    ActiveReads reads = new ActiveReads();
    assertEquals(1_000, policy.horizon(new TTInterval(1_000, 1_400), reads));
    try (ActiveReads.Registration r = reads.register(700)) {
      assertEquals(700, policy.horizon(new TTInterval(1_000, 1_400), reads));
    }
    assertEquals(1_500, new GcPolicy(Duration.ofNanos(1_500)).retention().toNanos());
  }

  @Test
  void configDefaultsAreDocumentedAndNonsenseIsRejected() {
    GcConfig config = GcConfig.defaults();
    assertEquals(Duration.ofHours(1), config.retention());
    assertEquals(Duration.ofSeconds(60), config.interval());
    assertEquals(10_000, config.maxVersionsPerBatch());
    assertEquals(Duration.ZERO, GcPolicy.of(config.withRetention(Duration.ZERO)).retention());
    assertEquals(5, config.withMaxVersionsPerBatch(5).maxVersionsPerBatch());
    assertEquals(Duration.ofSeconds(1), config.withInterval(Duration.ofSeconds(1)).interval());
    assertThrows(IllegalArgumentException.class, () -> config.withRetention(Duration.ofNanos(-1)));
    assertThrows(IllegalArgumentException.class, () -> config.withInterval(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> config.withMaxVersionsPerBatch(0));
    assertThrows(IllegalArgumentException.class, () -> new GcPolicy(Duration.ofSeconds(-1)));
  }
}
