package io.cesiumdb.tablet;

import static io.cesiumdb.tablet.cluster.TabletClient.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
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
 * Safe time keeps up on an idle tablet: after one write and no more, its followers' safe time still
 * advances (the leader's periodic empty timestamped entries), so a follower serves a snapshot read
 * at a timestamp a second after that write, which it could not do otherwise.
 */
class SafeTimeIT {
  @TempDir Path root;

  @Test
  void idleFollowersServeSnapshotReadsNearNow() {
    try (TestCluster cluster =
        TestCluster.start(
            root, 3, RaftTuning.forTests(), c -> c.withSafeTimeInterval(Duration.ofMillis(200)))) {
      cluster.createTablet(1, 1, "", "");
      long written = cluster.client().write(1, put("k", "v")).getCommitTs();
      TestNode follower = cluster.followers(1).get(0);
      long later = written + 1_000_000;

      Poll.until(
          TestCluster.AWAIT,
          follower.id() + "'s safe time a second past the last write",
          () -> follower.replica(1).orElseThrow().appliedMaxTs() >= later);
      ReadResponse r =
          follower
              .stub()
              .read(
                  ReadRequest.newBuilder()
                      .setTabletId(1)
                      .setKey(ByteString.copyFromUtf8("k"))
                      .setReadTs(later)
                      .setConsistency(ReadConsistency.SNAPSHOT)
                      .build());
      assertEquals("", r.getError().getCode(), r.getError().getMessage());
      assertEquals("v", r.getValue().toStringUtf8());
      assertTrue(r.getVersionTs() == written, "the version read is the one write");
    }
  }
}
