package io.cesiumdb.tablet;

import static io.cesiumdb.tablet.cluster.TabletClient.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.proto.tablet.WriteRequest;
import io.cesiumdb.proto.tablet.WriteResponse;
import io.cesiumdb.tablet.cluster.Poll;
import io.cesiumdb.tablet.cluster.TestCluster;
import io.cesiumdb.tablet.cluster.TestNode;
import io.cesiumdb.tablet.replication.ReplicaInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Network faults through the Ratis interceptor: isolating the leader makes the majority elect a new
 * one and keep serving; healing lets the old leader rejoin as a follower and catch up.
 */
class RaftPartitionIT {
  @TempDir Path root;

  @Test
  void isolatingTheLeaderElectsANewOneAndHealingLetsItRejoin() {
    try (TestCluster cluster = TestCluster.start(root, 3, RaftTuning.defaults())) {
      cluster.createTablet(1, 1, "", "");
      cluster.client().write(1, put("before", "1"));
      TestNode old = cluster.leader(1);
      long oldTerm = old.replica(1).orElseThrow().term();

      cluster.faults().isolate(old.id(), cluster.nodeIds());
      List<TestNode> majority = cluster.nodes().stream().filter(n -> n != old).toList();
      TestNode newLeader =
          Poll.value(
              TestCluster.AWAIT,
              "a leader elected by the majority side",
              () -> majority.stream().filter(n -> isLeader(n, oldTerm)).findFirst());
      WriteResponse during = writeAt(newLeader, put("during", "2"));
      assertTrue(cluster.faults().droppedCount() > 0, "the interceptor dropped Raft messages");
      Poll.until(
          TestCluster.AWAIT,
          "the isolated leader to step down or stay unable to commit",
          () -> tryWrite(old, put("lost", "x")).isEmpty());

      cluster.faults().heal();
      Poll.until(
          TestCluster.AWAIT,
          old.id() + " rejoining as a follower of " + newLeader.id(),
          () ->
              old.replica(1)
                  .map(r -> !r.leader() && r.leaderNodeId().equals(newLeader.id()))
                  .orElse(false));
      cluster.awaitApplied(1, during.getLogIndex());
      ReplicaInfo rejoined = old.replica(1).orElseThrow();
      assertFalse(rejoined.leader());
      assertNotEquals(oldTerm, rejoined.term());
      assertEquals(
          "2",
          FailoverIT.snapshotRead(old, 1, "during", during.getCommitTs())
              .getValue()
              .toStringUtf8());
    }
  }

  private static boolean isLeader(TestNode n, long oldTerm) {
    return n.replica(1).map(r -> r.leader() && r.term() > oldTerm).orElse(false);
  }

  private static WriteResponse writeAt(TestNode node, io.cesiumdb.proto.tablet.Mutation m) {
    return Poll.value(TestCluster.AWAIT, "a write at " + node.id(), () -> tryWrite(node, m));
  }

  /** One write attempt at {@code node}; empty if it failed (with a timeout of a few seconds). */
  private static Optional<WriteResponse> tryWrite(
      TestNode node, io.cesiumdb.proto.tablet.Mutation m) {
    WriteResponse r =
        node.stub()
            .withDeadlineAfter(3, java.util.concurrent.TimeUnit.SECONDS)
            .write(WriteRequest.newBuilder().setTabletId(1).addMutations(m).build());
    return r.hasError() ? Optional.empty() : Optional.of(r);
  }
}
