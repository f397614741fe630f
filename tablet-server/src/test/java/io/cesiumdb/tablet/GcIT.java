package io.cesiumdb.tablet;

import static io.cesiumdb.tablet.cluster.TabletClient.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.tablet.ReadConsistency;
import io.cesiumdb.proto.tablet.ReadRequest;
import io.cesiumdb.proto.tablet.ReadResponse;
import io.cesiumdb.tablet.cluster.Poll;
import io.cesiumdb.tablet.cluster.TestCluster;
import io.cesiumdb.tablet.cluster.TestNode;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Multi-version GC through the Raft log (transactions.md §6): the leader proposes a horizon, every
 * replica applies the same {@code GcBelow}; afterwards the newest value is intact everywhere, reads
 * at or above the horizon answer as before, and reads below it fail with TXN_SNAPSHOT_TOO_OLD on
 * the leader and on followers alike. Retention is 0 here (the periodic default is 1 hour).
 */
class GcIT {
  @TempDir Path root;

  @Test
  void everyReplicaCollectsBelowTheSameHorizon() {
    try (TestCluster cluster = TestCluster.start(root, 3, RaftTuning.forTests(), c -> c)) {
      cluster.createTablet(1, 1, "", "");
      long v1 = cluster.client().write(1, put("k", "v1")).getCommitTs();
      long v2 = cluster.client().write(1, put("k", "v2")).getCommitTs();
      TestNode leader = cluster.leader(1);

      assertEquals(1, leader.server().collectGarbage(Duration.ZERO), "the leader proposes");
      for (TestNode n : cluster.nodes()) {
        Poll.until(
            TestCluster.AWAIT,
            n.id() + " applies the GC horizon",
            () -> n.server().gcHorizon(1) > v2);
      }
      long horizon = leader.server().gcHorizon(1);
      for (TestNode n : cluster.nodes()) {
        assertEquals(horizon, n.server().gcHorizon(1), "one horizon on every replica");
        ReadResponse old = snapshotRead(n, v1);
        assertEquals(ErrorCode.TXN_SNAPSHOT_TOO_OLD.id(), old.getError().getCode(), n.id());
        Poll.until(
            TestCluster.AWAIT,
            n.id() + " serves a read at the horizon (its safe time passed it)",
            () -> snapshotRead(n, horizon).getError().getCode().isEmpty());
        ReadResponse now = snapshotRead(n, horizon);
        assertEquals("v2", now.getValue().toStringUtf8(), "the newest version survives");
        assertEquals(v2, now.getVersionTs());
      }
      assertTrue(
          leader.server().collectGarbage(Duration.ofHours(1)) == 0,
          "a horizon an hour back is below the applied one: nothing to propose");
    }
  }

  private static ReadResponse snapshotRead(TestNode n, long ts) {
    return n.stub()
        .read(
            ReadRequest.newBuilder()
                .setTabletId(1)
                .setKey(ByteString.copyFromUtf8("k"))
                .setReadTs(ts)
                .setConsistency(ReadConsistency.SNAPSHOT)
                .build());
  }
}
