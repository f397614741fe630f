package io.cesiumdb.tablet;

import java.time.Duration;
import java.util.Objects;

/**
 * Ratis settings of one node's {@code RaftServer}, applied to every tablet group it hosts. The
 * defaults are tuned for many groups per JVM on a small, loaded box (2 cores, 100 tablets per node,
 * 300 divisions in one JVM); the measured cost per group is in {@code docs/design/replication.md}.
 *
 * @param electionTimeoutMin lower bound of the randomised election timeout (Ratis default 150 ms;
 *     ours 800 ms so GC pauses and scheduling delays on 2 cores do not cause needless elections;
 *     the leader heartbeats every {@code min / 2})
 * @param electionTimeoutMax upper bound of the election timeout (ours 1200 ms). NB: Ratis'
 *     FollowerState sleeps a whole random timeout and only then checks the time since the last
 *     heartbeat, so a follower notices a dead leader after up to {@code 2 x max} (2.4 s); a new
 *     leader then serves after one election round and one commit: under 3 s.
 * @param firstElectionTimeoutMin election timeout of a freshly created or restarted group, until it
 *     first hears of a leader (ours 400 ms: a new tablet gets its leader sooner); {@link
 *     Duration#ZERO} = same as {@code electionTimeoutMin}
 * @param firstElectionTimeoutMax upper bound of the first election timeout (ours 800 ms); ZERO =
 *     same as max
 * @param rpcRequestTimeout timeout of one Raft RPC (append entries, vote, install snapshot chunk)
 * @param readTimeout how long a ReadIndex read may wait for the apply index to catch up
 * @param operationTimeout end-to-end bound of one tablet RPC: waiting for leader readiness, for
 *     replication of a write, for applied timestamps of a read
 * @param maxEntryBytes largest Raft log entry (Ratis appender buffer byte-limit). A Write request
 *     must serialise to at most {@link #maxWriteBytes()} = this minus {@value
 *     #ENTRY_OVERHEAD_BYTES}
 * @param writeBufferBytes direct {@code ByteBuffer} each division allocates for its log writer;
 *     Ratis requires {@code >= maxEntryBytes + 8}. This is the main direct-memory cost per group.
 * @param segmentSizeMaxBytes size at which a log segment file is closed and a new one started; only
 *     closed segments can be purged
 * @param preallocatedBytes disk space preallocated per open segment
 * @param segmentCacheNumMax log segments kept in heap per group
 * @param segmentCacheSizeMaxBytes log entry bytes kept in heap per group
 * @param pendingWriteLimit writes a leader accepts but has not yet applied, per group
 * @param pendingWriteByteLimit bytes of such writes, per group (also the log queue byte limit)
 * @param snapshotThreshold applied entries after which a group takes a snapshot automatically and
 *     purges its log; 0 disables automatic snapshots
 * @param snapshotRetention snapshots kept per group
 * @param purgeGap minimum number of entries between two log purges
 * @param snapshotChunkBytes largest chunk of a snapshot file sent to a follower in one message
 */
public record RaftTuning(
    Duration electionTimeoutMin,
    Duration electionTimeoutMax,
    Duration firstElectionTimeoutMin,
    Duration firstElectionTimeoutMax,
    Duration rpcRequestTimeout,
    Duration readTimeout,
    Duration operationTimeout,
    int maxEntryBytes,
    int writeBufferBytes,
    long segmentSizeMaxBytes,
    long preallocatedBytes,
    int segmentCacheNumMax,
    long segmentCacheSizeMaxBytes,
    int pendingWriteLimit,
    long pendingWriteByteLimit,
    long snapshotThreshold,
    int snapshotRetention,
    int purgeGap,
    int snapshotChunkBytes) {

  /** Bytes a Raft entry carries besides the serialized write: entry header, ids, timestamps. */
  public static final int ENTRY_OVERHEAD_BYTES = 1024;

  private static final int KB = 1024;
  private static final int MB = 1024 * KB;

  /** Validates the settings. */
  public RaftTuning {
    for (Duration d :
        new Duration[] {
          electionTimeoutMin,
          electionTimeoutMax,
          firstElectionTimeoutMin,
          firstElectionTimeoutMax,
          rpcRequestTimeout,
          readTimeout,
          operationTimeout
        }) {
      Objects.requireNonNull(d, "durations must not be null");
      if (d.isNegative()) {
        throw new IllegalArgumentException("negative duration " + d);
      }
    }
    if (electionTimeoutMin.isZero() || electionTimeoutMax.compareTo(electionTimeoutMin) < 0) {
      throw new IllegalArgumentException(
          "need 0 < electionTimeoutMin <= electionTimeoutMax: " + electionTimeoutMin);
    }
    if (maxEntryBytes <= ENTRY_OVERHEAD_BYTES) {
      throw new IllegalArgumentException("maxEntryBytes too small: " + maxEntryBytes);
    }
    if ((long) writeBufferBytes < (long) maxEntryBytes + 8) {
      throw new IllegalArgumentException(
          "writeBufferBytes must be >= maxEntryBytes + 8 (Ratis checks it): " + writeBufferBytes);
    }
    if (segmentSizeMaxBytes <= 0 || preallocatedBytes <= 0 || segmentCacheNumMax < 2) {
      throw new IllegalArgumentException("segment settings must be positive, cache >= 2 segments");
    }
    if (pendingWriteLimit <= 0 || pendingWriteByteLimit < maxEntryBytes) {
      throw new IllegalArgumentException("pending write limits too small");
    }
    if (snapshotThreshold < 0 || snapshotRetention < 1 || purgeGap < 1 || snapshotChunkBytes < KB) {
      throw new IllegalArgumentException("invalid snapshot settings");
    }
  }

  /** The production defaults: see the record description for each value and why. */
  public static RaftTuning defaults() {
    return new RaftTuning(
        Duration.ofMillis(800),
        Duration.ofMillis(1200),
        Duration.ofMillis(400),
        Duration.ofMillis(800),
        Duration.ofSeconds(3),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        512 * KB,
        512 * KB + 8 * KB,
        1 * MB,
        64 * KB,
        2,
        8 * MB,
        1024,
        16 * MB,
        10_000,
        2,
        1024,
        4 * MB);
  }

  /**
   * The defaults with tiny log segments and frequent snapshots, so tests see log rolls, snapshots
   * and purges after tens of writes. Election timeouts stay those of {@link #defaults()}.
   */
  public static RaftTuning forTests() {
    return defaults().withSnapshots(40, 8).withSegmentSize(8 * KB);
  }

  /** Returns a copy that snapshots every {@code threshold} entries and purges every {@code gap}. */
  public RaftTuning withSnapshots(long threshold, int gap) {
    return new RaftTuning(
        electionTimeoutMin,
        electionTimeoutMax,
        firstElectionTimeoutMin,
        firstElectionTimeoutMax,
        rpcRequestTimeout,
        readTimeout,
        operationTimeout,
        maxEntryBytes,
        writeBufferBytes,
        segmentSizeMaxBytes,
        preallocatedBytes,
        segmentCacheNumMax,
        segmentCacheSizeMaxBytes,
        pendingWriteLimit,
        pendingWriteByteLimit,
        threshold,
        snapshotRetention,
        gap,
        snapshotChunkBytes);
  }

  /** Returns a copy whose log segments roll at {@code bytes}. */
  public RaftTuning withSegmentSize(long bytes) {
    return new RaftTuning(
        electionTimeoutMin,
        electionTimeoutMax,
        firstElectionTimeoutMin,
        firstElectionTimeoutMax,
        rpcRequestTimeout,
        readTimeout,
        operationTimeout,
        maxEntryBytes,
        writeBufferBytes,
        bytes,
        Math.min(preallocatedBytes, bytes),
        segmentCacheNumMax,
        segmentCacheSizeMaxBytes,
        pendingWriteLimit,
        pendingWriteByteLimit,
        snapshotThreshold,
        snapshotRetention,
        purgeGap,
        snapshotChunkBytes);
  }

  /** Returns a copy whose first election (new or restarted group) waits {@code min..max}. */
  public RaftTuning withFirstElection(Duration min, Duration max) {
    return new RaftTuning(
        electionTimeoutMin,
        electionTimeoutMax,
        min,
        max,
        rpcRequestTimeout,
        readTimeout,
        operationTimeout,
        maxEntryBytes,
        writeBufferBytes,
        segmentSizeMaxBytes,
        preallocatedBytes,
        segmentCacheNumMax,
        segmentCacheSizeMaxBytes,
        pendingWriteLimit,
        pendingWriteByteLimit,
        snapshotThreshold,
        snapshotRetention,
        purgeGap,
        snapshotChunkBytes);
  }

  /** The largest serialized Write request a tablet accepts: one Raft entry minus its overhead. */
  public int maxWriteBytes() {
    return maxEntryBytes - ENTRY_OVERHEAD_BYTES;
  }
}
