package io.cesiumdb.pd.service;

import java.time.Duration;
import java.util.Objects;

/**
 * Ratis settings of the placement driver's one group. The PD group is small (tens of entries per
 * DDL, one per heartbeat), so only timeouts, the entry size and the snapshot cadence are tunable;
 * the rest are fixed in {@link PdRaftProperties}.
 *
 * @param electionTimeoutMin lower bound of the randomised election timeout (default 800 ms, as the
 *     tablet server's: GC pauses on small boxes must not cause needless elections)
 * @param electionTimeoutMax upper bound (default 1200 ms). A follower notices a dead leader after
 *     up to {@code 2 x max}; a new leader then serves after one election and one commit
 * @param rpcRequestTimeout timeout of one Raft RPC (append entries, vote, snapshot chunk)
 * @param operationTimeout end-to-end bound of one PD request: leader readiness plus replication
 * @param maxEntryBytes largest Raft log entry (appender buffer byte-limit); a CreateTable with its
 *     columns, split points and placements must fit
 * @param snapshotThreshold applied entries after which the group snapshots and purges its log; 0
 *     disables automatic snapshots
 */
public record PdTuning(
    Duration electionTimeoutMin,
    Duration electionTimeoutMax,
    Duration rpcRequestTimeout,
    Duration operationTimeout,
    int maxEntryBytes,
    long snapshotThreshold) {

  private static final int KB = 1024;

  public PdTuning {
    for (Duration d :
        new Duration[] {
          electionTimeoutMin, electionTimeoutMax, rpcRequestTimeout, operationTimeout
        }) {
      Objects.requireNonNull(d, "durations must not be null");
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("durations must be positive, got " + d);
      }
    }
    if (electionTimeoutMax.compareTo(electionTimeoutMin) < 0) {
      throw new IllegalArgumentException(
          "need electionTimeoutMin <= electionTimeoutMax: "
              + electionTimeoutMin
              + " / "
              + electionTimeoutMax);
    }
    if (maxEntryBytes < 64 * KB) {
      throw new IllegalArgumentException("maxEntryBytes below 64 KiB: " + maxEntryBytes);
    }
    if (snapshotThreshold < 0) {
      throw new IllegalArgumentException("negative snapshotThreshold " + snapshotThreshold);
    }
  }

  /** Production defaults: the tablet server's election timeouts, 1 MiB entries. */
  public static PdTuning defaults() {
    return new PdTuning(
        Duration.ofMillis(800),
        Duration.ofMillis(1200),
        Duration.ofSeconds(3),
        Duration.ofSeconds(10),
        1024 * KB,
        10_000);
  }

  /**
   * Faster elections (500–1000 ms) and a snapshot every 16 entries, so tests see snapshots, purges
   * and restarts from a snapshot after a handful of writes.
   */
  public static PdTuning forTests() {
    // 500–1000 ms, not shorter: on a loaded 2-core CI box a GC or scheduling pause of a few hundred
    // ms made a 300–600 ms timeout elect spuriously, and tests calling the leader saw RTE-1.
    return new PdTuning(
        Duration.ofMillis(500),
        Duration.ofMillis(1000),
        Duration.ofSeconds(2),
        Duration.ofSeconds(5),
        1024 * KB,
        16);
  }

  /** Direct buffer of the log writer: Ratis requires at least the entry limit + 8 bytes. */
  int writeBufferBytes() {
    return maxEntryBytes + 8 * KB;
  }
}
