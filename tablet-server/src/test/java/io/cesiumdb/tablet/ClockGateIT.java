package io.cesiumdb.tablet;

import static io.cesiumdb.tablet.cluster.TabletClient.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.errors.ErrorDetail;
import io.cesiumdb.proto.tablet.ReadConsistency;
import io.cesiumdb.proto.tablet.ReadRequest;
import io.cesiumdb.proto.tablet.WriteRequest;
import io.cesiumdb.tablet.cluster.Poll;
import io.cesiumdb.tablet.cluster.TabletClient;
import io.cesiumdb.tablet.cluster.TestCluster;
import io.cesiumdb.tablet.cluster.TestNode;
import io.cesiumdb.tablet.replication.ClockGate;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node whose clock gate is closed (its clock is fenced) refuses to assign timestamps: writes and
 * leader reads answer CLOCK_FENCED with the reason, snapshot reads at a given timestamp still work;
 * shedding its leadership lets the group carry on elsewhere; reopened, it serves again.
 */
class ClockGateIT {
  private static final String WHY = "offset +56 ms to n2 and n3 beyond the 14 ms bound";

  @TempDir Path root;

  @Test
  void aFencedLeaderRefusesTimestampsAndHandsOverLeadership() {
    try (TestCluster cluster = TestCluster.start(root, 3, RaftTuning.forTests())) {
      cluster.createTablet(1, 1, "", "");
      TabletClient client = cluster.client();
      long ts = client.write(1, put("k", "v1")).getCommitTs();
      TestNode fenced = cluster.leader(1);
      Poll.until(
          TestCluster.AWAIT,
          "every replica applied the write",
          () ->
              cluster.nodes().stream()
                  .allMatch(n -> n.replica(1).orElseThrow().appliedMaxTs() >= ts));

      fenced.server().setClockGate(() -> Optional.of(WHY));
      ErrorDetail write =
          fenced
              .stub()
              .write(WriteRequest.newBuilder().setTabletId(1).addMutations(put("k", "v2")).build())
              .getError();
      assertEquals(ErrorCode.CLOCK_FENCED.id(), write.getCode());
      assertTrue(write.getMessage().contains(WHY), write.getMessage());
      assertEquals(fenced.id(), write.getClockFenced().getNodeId());
      assertEquals(ErrorCode.CLOCK_FENCED.id(), read(fenced, 0, ReadConsistency.LEADER).getCode());
      assertEquals("", read(fenced, ts, ReadConsistency.SNAPSHOT).getCode(), "no clock needed");

      assertEquals(1, fenced.server().shedLeadership());
      TestNode next =
          Poll.value(
              TestCluster.AWAIT,
              "a leader other than the fenced node",
              () -> cluster.currentLeader(1).filter(n -> n != fenced));
      assertTrue(client.write(1, put("k", "v3")).getCommitTs() > ts, "served by " + next.id());

      fenced.server().setClockGate(ClockGate.OPEN);
      assertEquals("v3", client.read(1, "k", 0).getValue().toStringUtf8());
    }
  }

  private static ErrorDetail read(TestNode node, long ts, ReadConsistency consistency) {
    return node.stub()
        .read(
            ReadRequest.newBuilder()
                .setTabletId(1)
                .setKey(ByteString.copyFromUtf8("k"))
                .setReadTs(ts)
                .setConsistency(consistency)
                .build())
        .getError();
  }
}
