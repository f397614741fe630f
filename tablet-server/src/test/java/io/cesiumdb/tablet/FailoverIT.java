package io.cesiumdb.tablet;

import static io.cesiumdb.tablet.cluster.TabletClient.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.cesiumdb.proto.tablet.ReadConsistency;
import io.cesiumdb.proto.tablet.ReadRequest;
import io.cesiumdb.proto.tablet.ReadResponse;
import io.cesiumdb.proto.tablet.WriteResponse;
import io.cesiumdb.tablet.cluster.Poll;
import io.cesiumdb.tablet.cluster.TabletClient;
import io.cesiumdb.tablet.cluster.TestCluster;
import io.cesiumdb.tablet.cluster.TestNode;
import io.cesiumdb.tablet.replication.ReplicaInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Abrupt node stops: leader failover, follower catch-up from the log and by snapshot. */
class FailoverIT {
  @TempDir Path root;

  @Test
  void aNewLeaderServesWithin3sOfALeaderHaltAndKeepsEveryAcknowledgedWrite() {
    try (TestCluster cluster = TestCluster.start(root, 3, RaftTuning.defaults())) {
      cluster.createTablet(1, 1, "", "");
      TabletClient client = cluster.client();
      List<WriteResponse> acked = writeKeys(client, "k", 20);
      TestNode old = cluster.leader(1);

      long start = System.nanoTime();
      old.halt();
      WriteResponse after = client.write(1, Duration.ofSeconds(10), put("after", "x"));
      long elapsedMs = (System.nanoTime() - start) / 1_000_000;
      System.out.println("Leader failover: first write served " + elapsedMs + " ms after halt()");
      assertTrue(
          elapsedMs < 3_000, "new leader served a write " + elapsedMs + " ms after the halt");
      assertNotEquals(old.id(), cluster.leader(1).id());
      for (int i = 0; i < acked.size(); i++) {
        ReadResponse r = client.read(1, "k" + i, 0);
        assertEquals("v" + i, r.getValue().toStringUtf8(), "acknowledged write k" + i);
      }

      old.start();
      cluster.awaitApplied(1, after.getLogIndex());
      assertEquals(
          "x", snapshotRead(old, 1, "after", after.getCommitTs()).getValue().toStringUtf8());
    }
  }

  @Test
  void aRestartedFollowerCatchesUpFromTheLog() {
    RaftTuning noSnapshots = RaftTuning.defaults().withSnapshots(0, 1024);
    try (TestCluster cluster = TestCluster.start(root, 3, noSnapshots)) {
      cluster.createTablet(1, 1, "", "");
      TabletClient client = cluster.client();
      writeKeys(client, "a", 10);
      TestNode follower = cluster.followers(1).get(0);
      follower.halt();
      List<WriteResponse> missed = writeKeys(client, "b", 30);
      WriteResponse last = missed.get(missed.size() - 1);

      follower.start();
      cluster.awaitApplied(1, last.getLogIndex());
      ReplicaInfo info = follower.replica(1).orElseThrow();
      assertEquals(0, info.snapshotInstalls(), "caught up from the log, not a snapshot");
      assertTrue(
          info.appliedMaxTs() >= last.getCommitTs(), "safe time reached the last write (or later)");
      for (int i = 0; i < missed.size(); i++) {
        assertEquals(
            "v" + i,
            snapshotRead(follower, 1, "b" + i, last.getCommitTs()).getValue().toStringUtf8());
      }
    }
  }

  @Test
  void aFollowerBehindThePurgedLogCatchesUpBySnapshot() {
    // Snapshots every 40 entries, 8 KB log segments: the leader purges its log quickly.
    try (TestCluster cluster = TestCluster.start(root, 3, RaftTuning.forTests())) {
      cluster.createTablet(1, 1, "", "");
      TabletClient client = cluster.client();
      writeKeys(client, "a", 5);
      TestNode follower = cluster.followers(1).get(0);
      long followerApplied = follower.replica(1).orElseThrow().appliedIndex();
      follower.halt();

      String padding = "p".repeat(400);
      List<WriteResponse> missed = new ArrayList<>();
      for (int i = 0; i < 70; i++) {
        missed.add(client.write(1, put("b" + i, "v" + i + padding)));
      }
      WriteResponse last = missed.get(missed.size() - 1);
      TestNode leader = cluster.leader(1);
      Poll.until(
          TestCluster.AWAIT,
          "the leader purging its log past the halted follower",
          () -> leader.replica(1).orElseThrow().logStartIndex() > followerApplied + 1);

      follower.start();
      cluster.awaitApplied(1, last.getLogIndex());
      ReplicaInfo info = follower.replica(1).orElseThrow();
      assertTrue(info.snapshotInstalls() >= 1, "installed a snapshot: " + info);
      for (int i = 0; i < missed.size(); i++) {
        assertEquals(
            "v" + i + padding,
            snapshotRead(follower, 1, "b" + i, last.getCommitTs()).getValue().toStringUtf8());
      }
    }
  }

  static List<WriteResponse> writeKeys(TabletClient client, String prefix, int n) {
    List<WriteResponse> acked = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      acked.add(client.write(1, put(prefix + i, "v" + i)));
    }
    return acked;
  }

  static ReadResponse snapshotRead(TestNode node, long tabletId, String key, long ts) {
    return Poll.value(
        TestCluster.AWAIT,
        node.id() + " serving " + key + " at " + ts,
        () -> {
          ReadResponse r =
              node.stub()
                  .read(
                      ReadRequest.newBuilder()
                          .setTabletId(tabletId)
                          .setKey(ByteString.copyFromUtf8(key))
                          .setReadTs(ts)
                          .setConsistency(ReadConsistency.SNAPSHOT)
                          .build());
          return r.hasError() ? java.util.Optional.empty() : java.util.Optional.of(r);
        });
  }
}
