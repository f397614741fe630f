package io.cesiumdb.pd.service;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.grpc.GrpcConfigKeys;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.apache.ratis.server.RaftServerConfigKeys.Log;
import org.apache.ratis.server.RaftServerConfigKeys.Rpc;
import org.apache.ratis.server.RaftServerConfigKeys.Snapshot;
import org.apache.ratis.util.SizeInBytes;
import org.apache.ratis.util.TimeDuration;

/**
 * Turns a {@link PlacementDriverConfig} into Ratis properties. Every setting that differs from
 * Ratis' default is here with its reason; the pitfalls are those of dependencies.md §2.6.
 */
final class PdRaftProperties {
  private static final int KB = 1024;

  private PdRaftProperties() {}

  static RaftProperties of(PlacementDriverConfig config) {
    PdTuning t = config.tuning();
    RaftProperties p = new RaftProperties();
    // Ratis defaults both to /tmp/raft-server (pitfall 5).
    RaftServerConfigKeys.setStorageDir(p, List.of(config.raftDir().toFile()));
    RaftServerConfigKeys.setRemovedGroupsDir(p, config.removedGroupsDir().toFile());
    GrpcConfigKeys.Server.setHost(p, config.host());
    GrpcConfigKeys.Server.setPort(p, config.raftPort());

    Rpc.setTimeoutMin(p, td(t.electionTimeoutMin()));
    Rpc.setTimeoutMax(p, td(t.electionTimeoutMax()));
    Rpc.setRequestTimeout(p, td(t.rpcRequestTimeout()));

    // Durability: an entry is fsynced before it counts towards commit (Ratis' defaults, explicit).
    Log.setUnsafeFlushEnabled(p, false);
    Log.setAsyncFlushEnabled(p, false);
    // No commit-index metadata entries (as in the tablet groups): they add an entry and an fsync
    // per commit and make members' applied indexes differ by entries that carry no command.
    Log.setLogMetadataEnabled(p, false);

    // One small group: modest buffers. The write buffer must hold the largest entry + 8 (pitfall
    // 2).
    Log.Appender.setBufferByteLimit(p, SizeInBytes.valueOf(t.maxEntryBytes()));
    Log.setWriteBufferSize(p, SizeInBytes.valueOf(t.writeBufferBytes()));
    Log.setSegmentSizeMax(p, SizeInBytes.valueOf(4L * KB * KB));
    Log.setPreallocatedSize(p, SizeInBytes.valueOf(256L * KB));
    GrpcConfigKeys.setMessageSizeMax(p, SizeInBytes.valueOf(t.maxEntryBytes() + KB * KB));

    // Snapshots: MetaState.toSnapshot() in one file; purge the log up to it.
    Snapshot.setAutoTriggerEnabled(p, t.snapshotThreshold() > 0);
    if (t.snapshotThreshold() > 0) {
      Snapshot.setAutoTriggerThreshold(p, t.snapshotThreshold());
    }
    Snapshot.setRetentionFileNum(p, 2);
    Log.setPurgeUptoSnapshotIndex(p, true);
    Log.setPurgeGap(p, (int) Math.max(1, Math.min(1024, t.snapshotThreshold())));
    return p;
  }

  private static TimeDuration td(Duration d) {
    return TimeDuration.valueOf(d.toMillis(), TimeUnit.MILLISECONDS);
  }
}
