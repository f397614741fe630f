package io.cesiumdb.tablet;

import static io.cesiumdb.tablet.cluster.TabletClient.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.proto.tablet.WriteRequest;
import io.cesiumdb.proto.tablet.WriteResponse;
import io.cesiumdb.tablet.cluster.Poll;
import io.cesiumdb.tablet.cluster.TestCluster;
import io.cesiumdb.tablet.cluster.TestNode;
import io.cesiumdb.tablet.replication.ReplicaInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commit timestamps increase strictly in Raft log order even with many concurrent writers: checked
 * from the outside (sorted by log index, the acknowledged timestamps increase) and from the inside
 * (every replica's state machine counts applied entries whose timestamp did not increase).
 */
class TimestampOrderIT {
  private static final int WRITERS = 8;
  private static final int WRITES_EACH = 40;

  @TempDir Path root;

  @Test
  void concurrentWritersGetTimestampsInLogOrder() throws Exception {
    try (TestCluster cluster = TestCluster.start(root, 3, RaftTuning.defaults())) {
      cluster.createTablet(1, 1, "", "");
      TestNode leader = cluster.leader(1);
      ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
      List<Future<List<WriteResponse>>> futures = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        futures.add(pool.submit(() -> writeMany(leader, writer)));
      }
      List<WriteResponse> acked = new ArrayList<>();
      for (Future<List<WriteResponse>> f : futures) {
        acked.addAll(f.get());
      }
      pool.shutdown();
      assertEquals(WRITERS * WRITES_EACH, acked.size());

      acked.sort(Comparator.comparingLong(WriteResponse::getLogIndex));
      for (int i = 1; i < acked.size(); i++) {
        WriteResponse prev = acked.get(i - 1);
        WriteResponse next = acked.get(i);
        assertTrue(next.getLogIndex() > prev.getLogIndex(), "distinct log indexes");
        assertTrue(
            next.getCommitTs() > prev.getCommitTs(),
            "ts "
                + next.getCommitTs()
                + " at index "
                + next.getLogIndex()
                + " not above "
                + prev.getCommitTs()
                + " at "
                + prev.getLogIndex());
      }

      WriteResponse last = acked.get(acked.size() - 1);
      cluster.awaitApplied(1, last.getLogIndex());
      for (TestNode n : cluster.nodes()) {
        ReplicaInfo info = Poll.value(TestCluster.AWAIT, n.id() + " replica", () -> n.replica(1));
        assertEquals(0, info.timestampRegressions(), n.id() + " saw timestamps go backwards");
        assertEquals(last.getCommitTs(), info.appliedMaxTs(), n.id() + " applied max ts");
      }
    }
  }

  private static List<WriteResponse> writeMany(TestNode leader, int writer) {
    List<WriteResponse> out = new ArrayList<>();
    for (int i = 0; i < WRITES_EACH; i++) {
      WriteResponse r =
          leader
              .stub()
              .write(
                  WriteRequest.newBuilder()
                      .setTabletId(1)
                      .addMutations(put("w" + writer + "-" + i, "v"))
                      .build());
      assertFalse(r.hasError(), r.getError().toString());
      out.add(r);
    }
    return out;
  }
}
