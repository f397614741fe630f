package io.cesiumdb.tablet.gc;

import io.cesiumdb.truetime.TTInterval;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * Computes a replica's GC horizon (docs/design/transactions.md §6):
 *
 * <pre>
 *   h = max(0, min(TT.now().earliest − retention, oldest active read ts at this replica))
 * </pre>
 *
 * <p>Why {@code earliest}: it is at most the true time, so {@code h <= true time − retention} and a
 * read at a ts within the retention never finds its versions gone, whatever this node's
 * uncertainty. Why the oldest read: the versions it reads must survive until it finishes. Stateless
 * and thread-safe; the arithmetic saturates instead of overflowing.
 */
public final class GcPolicy {
  private final Duration retention;
  private final long retentionMicros;

  /** A policy that keeps every version for {@code retention} after it was overwritten. */
  public GcPolicy(Duration retention) {
    if (retention == null || retention.isNegative()) {
      throw new IllegalArgumentException("retention must be >= 0: " + retention);
    }
    this.retention = retention;
    this.retentionMicros = saturatedMicros(retention);
  }

  /** The policy of {@code config}'s retention. */
  public static GcPolicy of(GcConfig config) {
    return new GcPolicy(config.retention());
  }

  /** The default policy: {@link GcConfig#DEFAULT_RETENTION} (1 hour). */
  public static GcPolicy defaults() {
    return new GcPolicy(GcConfig.DEFAULT_RETENTION);
  }

  /** Returns the retention. */
  public Duration retention() {
    return retention;
  }

  /**
   * Returns the horizon for a clock whose TT.now().earliest is {@code nowEarliestMicros} and the
   * oldest running read at this replica (empty if none); never negative.
   */
  public long horizon(long nowEarliestMicros, OptionalLong oldestActiveRead) {
    long byRetention =
        nowEarliestMicros <= retentionMicros ? 0 : nowEarliestMicros - retentionMicros;
    if (oldestActiveRead.isPresent()) {
      return Math.max(0, Math.min(byRetention, oldestActiveRead.getAsLong()));
    }
    return byRetention;
  }

  /** Returns the horizon for the interval TT.now() returned and the reads running here. */
  public long horizon(TTInterval now, ActiveReads reads) {
    return horizon(now.earliest(), reads.oldest());
  }

  private static long saturatedMicros(Duration d) {
    if (d.getSeconds() >= Long.MAX_VALUE / 1_000_000) {
      return Long.MAX_VALUE;
    }
    return d.getSeconds() * 1_000_000 + d.getNano() / 1_000;
  }
}
