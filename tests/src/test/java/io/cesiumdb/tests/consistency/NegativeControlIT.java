package io.cesiumdb.tests.consistency;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.server.workload.WorkloadResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The suite must be able to fail: with commit wait disabled and a clock skewed by ε, the realtime
 * workload has to report the external-consistency violation ({@link NegativeControl}). If this test
 * fails, the checker or the workload has gone blind, and a valid verdict elsewhere means nothing.
 */
class NegativeControlIT {
  @TempDir Path dir;

  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  void withoutCommitWaitTheRealtimeCheckerFindsTheViolation() {
    WorkloadResult r = NegativeControl.run(dir, Duration.ofSeconds(12), 20261122L);

    assertTrue(r.stats().writes().ok() > 0, "no insert succeeded: " + r.stats());
    assertTrue(
        NegativeControl.caught(r),
        "commit wait off, skew at ε, and no causal-reverse/stale-read anomaly: "
            + r.anomalies()
            + "; history "
            + r.history());
  }
}
