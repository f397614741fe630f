package io.cesiumdb.tablet.gc;

import java.time.Duration;

/**
 * Knobs of multi-version GC (docs/design/transactions.md §6).
 *
 * @param retention how long versions stay readable after they are overwritten: the horizon trails
 *     TT.now().earliest by this much, so a read at a ts within the last {@code retention} never
 *     fails with TXN_SNAPSHOT_TOO_OLD. Default {@link #DEFAULT_RETENTION} (1 hour); zero is legal
 *     (tests), negative is not
 * @param interval time between two GC passes over a tablet at its leader. Default {@link
 *     #DEFAULT_INTERVAL} (60 s); positive
 * @param maxVersionsPerBatch the most version removals one {@link VersionGc#collect} call adds to
 *     one batch, bounding the batch's memory and apply time. Default {@link
 *     #DEFAULT_MAX_VERSIONS_PER_BATCH} (10,000); at least 1
 */
public record GcConfig(Duration retention, Duration interval, int maxVersionsPerBatch) {
  /** Default retention: 1 hour, as issue 5 asks. */
  public static final Duration DEFAULT_RETENTION = Duration.ofHours(1);

  /** Default time between GC passes: 60 s. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(60);

  /** Default bound on removals per batch: 10,000 versions. */
  public static final int DEFAULT_MAX_VERSIONS_PER_BATCH = 10_000;

  /** Rejects a negative retention, a non-positive interval and a bound below 1. */
  public GcConfig {
    if (retention == null || retention.isNegative()) {
      throw new IllegalArgumentException("retention must be >= 0: " + retention);
    }
    if (interval == null || interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be > 0: " + interval);
    }
    if (maxVersionsPerBatch < 1) {
      throw new IllegalArgumentException(
          "maxVersionsPerBatch must be >= 1: " + maxVersionsPerBatch);
    }
  }

  /** Returns the defaults: 1 h retention, 60 s interval, 10,000 versions per batch. */
  public static GcConfig defaults() {
    return new GcConfig(DEFAULT_RETENTION, DEFAULT_INTERVAL, DEFAULT_MAX_VERSIONS_PER_BATCH);
  }

  /** Returns a copy with another retention. */
  public GcConfig withRetention(Duration newRetention) {
    return new GcConfig(newRetention, interval, maxVersionsPerBatch);
  }

  /** Returns a copy with another interval. */
  public GcConfig withInterval(Duration newInterval) {
    return new GcConfig(retention, newInterval, maxVersionsPerBatch);
  }

  /** Returns a copy with another bound on removals per batch. */
  public GcConfig withMaxVersionsPerBatch(int max) {
    return new GcConfig(retention, interval, max);
  }
}
