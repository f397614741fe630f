package io.cesiumdb.tablet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RaftTuningTest {
  @Test
  void defaultsKeepTheRatisBufferRuleAndAWriteLimit() {
    RaftTuning t = RaftTuning.defaults();
    assertTrue(t.writeBufferBytes() >= t.maxEntryBytes() + 8);
    assertEquals(t.maxEntryBytes() - RaftTuning.ENTRY_OVERHEAD_BYTES, t.maxWriteBytes());
    assertTrue(
        t.electionTimeoutMax().multipliedBy(2).compareTo(Duration.ofMillis(2500)) < 0,
        "a dead leader is noticed within 2 x max; failover must stay under 3 s");
  }

  @Test
  void testTuningSnapshotsOftenButElectsLikeProduction() {
    RaftTuning t = RaftTuning.forTests();
    assertEquals(RaftTuning.defaults().electionTimeoutMin(), t.electionTimeoutMin());
    assertTrue(t.snapshotThreshold() > 0 && t.snapshotThreshold() < 100);
  }

  @Test
  void aWriteBufferSmallerThanAnEntryIsRejected() {
    RaftTuning d = RaftTuning.defaults();
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new RaftTuning(
                d.electionTimeoutMin(),
                d.electionTimeoutMax(),
                d.firstElectionTimeoutMin(),
                d.firstElectionTimeoutMax(),
                d.rpcRequestTimeout(),
                d.readTimeout(),
                d.operationTimeout(),
                d.maxEntryBytes(),
                d.maxEntryBytes(),
                d.segmentSizeMaxBytes(),
                d.preallocatedBytes(),
                d.segmentCacheNumMax(),
                d.segmentCacheSizeMaxBytes(),
                d.pendingWriteLimit(),
                d.pendingWriteByteLimit(),
                d.snapshotThreshold(),
                d.snapshotRetention(),
                d.purgeGap(),
                d.snapshotChunkBytes()));
  }
}
