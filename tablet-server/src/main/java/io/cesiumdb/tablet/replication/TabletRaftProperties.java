package io.cesiumdb.tablet.replication;

import io.cesiumdb.tablet.RaftTuning;
import io.cesiumdb.tablet.TabletServerConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.grpc.GrpcConfigKeys;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.apache.ratis.server.RaftServerConfigKeys.Log;
import org.apache.ratis.server.RaftServerConfigKeys.Read;
import org.apache.ratis.server.RaftServerConfigKeys.Rpc;
import org.apache.ratis.server.RaftServerConfigKeys.Snapshot;
import org.apache.ratis.util.SizeInBytes;
import org.apache.ratis.util.TimeDuration;

/**
 * Turns a {@link TabletServerConfig} into Ratis properties. Every setting that differs from Ratis'
 * default is here, with the reason; docs/design/replication.md has the measured effect.
 */
final class TabletRaftProperties {
  /**
   * The leader lease as a share of the minimum election timeout. A follower campaigns only after a
   * whole election timeout without hearing from the leader, counted from when it received a
   * heartbeat, which is after the leader sent it; the lease counts from the send. The 10 % margin
   * covers clock-rate differences between nodes (the lease runs on each node's monotonic clock, not
   * on TrueTime). Ratis drops the lease while it transfers leadership and when it steps down.
   */
  static final double LEADER_LEASE_RATIO = 0.9;

  private TabletRaftProperties() {}

  static RaftProperties of(TabletServerConfig config) {
    RaftTuning t = config.tuning();
    RaftProperties p = new RaftProperties();
    // Ratis defaults both to /tmp/raft-server (dependencies.md §2.6 pitfall 5).
    RaftServerConfigKeys.setStorageDir(p, List.of(config.raftDir().toFile()));
    RaftServerConfigKeys.setRemovedGroupsDir(p, config.removedGroupsDir().toFile());
    GrpcConfigKeys.Server.setHost(p, config.host());
    GrpcConfigKeys.Server.setPort(p, config.raftPort());

    Rpc.setTimeoutMin(p, td(t.electionTimeoutMin()));
    Rpc.setTimeoutMax(p, td(t.electionTimeoutMax()));
    if (!t.firstElectionTimeoutMin().isZero()) {
      Rpc.setFirstElectionTimeoutMin(p, td(t.firstElectionTimeoutMin()));
      Rpc.setFirstElectionTimeoutMax(p, td(t.firstElectionTimeoutMax()));
    }
    Rpc.setRequestTimeout(p, td(t.rpcRequestTimeout()));

    // Leader reads: ReadIndex, answered from the leader lease while it holds (0.9 x the minimum
    // election timeout since the send time of heartbeats a majority acknowledged; Raft thesis
    // 6.4.1). Without the lease a read waited up to a heartbeat interval for its ReadIndex round
    // (docs/design/replication.md §5).
    Read.setOption(p, Read.Option.LINEARIZABLE);
    Read.setLeaderLeaseEnabled(p, true);
    Read.setLeaderLeaseTimeoutRatio(p, LEADER_LEASE_RATIO);
    Read.setTimeout(p, td(t.readTimeout()));

    // Durability: the log is fsynced before an entry counts towards commit. These are Ratis'
    // defaults; set explicitly so nobody flips them by accident.
    Log.setUnsafeFlushEnabled(p, false);
    Log.setAsyncFlushEnabled(p, false);
    // No commit-index metadata entries: they double the entries (and fsyncs) per write; the
    // store keeps its own applied index and a leader re-commits on restart anyway.
    Log.setLogMetadataEnabled(p, false);

    // Per-group memory: the direct write buffer must hold the largest entry + 8 bytes.
    Log.Appender.setBufferByteLimit(p, SizeInBytes.valueOf(t.maxEntryBytes()));
    Log.setWriteBufferSize(p, SizeInBytes.valueOf(t.writeBufferBytes()));
    Log.setSegmentSizeMax(p, SizeInBytes.valueOf(t.segmentSizeMaxBytes()));
    Log.setPreallocatedSize(p, SizeInBytes.valueOf(t.preallocatedBytes()));
    Log.setSegmentCacheNumMax(p, t.segmentCacheNumMax());
    Log.setSegmentCacheSizeMax(p, SizeInBytes.valueOf(t.segmentCacheSizeMaxBytes()));
    Log.setQueueByteLimit(p, SizeInBytes.valueOf(t.pendingWriteByteLimit()));
    RaftServerConfigKeys.Write.setElementLimit(p, t.pendingWriteLimit());
    RaftServerConfigKeys.Write.setByteLimit(p, SizeInBytes.valueOf(t.pendingWriteByteLimit()));
    GrpcConfigKeys.setMessageSizeMax(
        p, SizeInBytes.valueOf(Math.max(t.snapshotChunkBytes(), t.maxEntryBytes()) + (1 << 20)));

    // Snapshots and log purge.
    Snapshot.setAutoTriggerEnabled(p, t.snapshotThreshold() > 0);
    if (t.snapshotThreshold() > 0) {
      Snapshot.setAutoTriggerThreshold(p, t.snapshotThreshold());
    }
    Snapshot.setCreationGap(p, 1);
    Snapshot.setRetentionFileNum(p, t.snapshotRetention());
    // A stop or a removal is not a reason to export a tablet: restart resumes from the store.
    Snapshot.setTriggerWhenStopEnabled(p, false);
    Snapshot.setTriggerWhenRemoveEnabled(p, false);
    // Purge to the snapshot even if a follower is down: it catches up by snapshot.
    Log.setPurgeUptoSnapshotIndex(p, true);
    Log.setPurgeGap(p, t.purgeGap());
    Log.Appender.setSnapshotChunkSizeMax(p, SizeInBytes.valueOf(t.snapshotChunkBytes()));

    // Writes never reuse a call id, so the retry cache only costs memory; keep entries briefly.
    RaftServerConfigKeys.RetryCache.setExpiryTime(p, TimeDuration.valueOf(10, TimeUnit.SECONDS));
    return p;
  }

  private static TimeDuration td(Duration d) {
    return TimeDuration.valueOf(d.toMillis(), TimeUnit.MILLISECONDS);
  }
}
