package io.cesiumdb.txn.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.errors.ErrorDetail;
import io.cesiumdb.proto.tablet.ReadConsistency;
import io.cesiumdb.proto.tablet.ReadRequest;
import io.cesiumdb.proto.tablet.ReadResponse;
import io.cesiumdb.proto.tablet.ScanRequest;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SNAPSHOT reads go to any replica and fall back to the leader when a follower lags. */
class FollowerReadTest {
  private final FakeCluster cluster = new FakeCluster(3);
  private final TabletDescriptor tablet = cluster.descriptor();
  private final ReadRequest snapshotRead =
      ReadRequest.newBuilder()
          .setKey(FakeTablet.utf8("k"))
          .setReadTs(10)
          .setConsistency(ReadConsistency.SNAPSHOT)
          .build();

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Test
  void snapshotReadsRotateOverEveryReplicaIncludingFollowers() {
    cluster.node(1).actAsFollowerOf(cluster.node(2)); // would refuse LEADER reads
    cluster.node(3).actAsFollowerOf(cluster.node(2));
    ReadResponse served = ReadResponse.newBuilder().setFound(true).build();
    cluster.node(1).onRead = r -> served.toBuilder().setValue(FakeTablet.utf8("n1")).build();
    cluster.node(3).onRead = r -> served.toBuilder().setValue(FakeTablet.utf8("n3")).build();
    TabletRouter router = cluster.router();

    Set<String> servedBy = new HashSet<>();
    for (int i = 0; i < 3; i++) {
      servedBy.add(router.blocking().read(tablet, snapshotRead).getValue().toStringUtf8());
    }

    assertEquals(Set.of("n1", "n2", "n3"), servedBy);
    assertEquals(3, router.metrics().snapshot().attempts());
    assertEquals(0, router.leaders().size(), "a follower read proves no leadership");
  }

  @Test
  void aFollowerBehindTheReadTimestampFallsBackToTheLeader() {
    ErrorDetail behind =
        ErrorDetail.newBuilder()
            .setCode(ErrorCode.REPLICA_BEHIND.id())
            .setMessage("safe time 5 < read ts 10")
            .build();
    for (int i : new int[] {1, 3}) {
      cluster.node(i).onRead = r -> ReadResponse.newBuilder().setError(behind).build();
    }
    TabletRouter router = cluster.router();
    router.leaders().update(FakeCluster.TABLET_ID, new Endpoint("n2", cluster.node(2).address));

    for (int i = 0; i < 3; i++) {
      assertEquals("n2", router.blocking().read(tablet, snapshotRead).getValue().toStringUtf8());
    }

    RouterMetrics.Snapshot m = router.metrics().snapshot();
    assertTrue(m.attempts() <= 5, "at most one lagging follower per read: " + m);
    assertEquals(0, m.backoffs());
    assertEquals(3, cluster.node(2).reads.get());
  }

  @Test
  void aSnapshotAtNowGoesToTheCachedLeaderFirst() {
    ErrorDetail behind =
        ErrorDetail.newBuilder()
            .setCode(ErrorCode.REPLICA_BEHIND.id())
            .setMessage("safe time 5 < read ts 10")
            .build();
    for (int i : new int[] {1, 3}) {
      cluster.node(i).onRead = r -> ReadResponse.newBuilder().setError(behind).build();
    }
    TabletRouter router = cluster.router();
    router.leaders().update(FakeCluster.TABLET_ID, new Endpoint("n2", cluster.node(2).address));

    for (int i = 0; i < 3; i++) {
      ReadResponse r = router.read(tablet, snapshotRead, SnapshotRoute.LEADER_FIRST).join();
      assertEquals("n2", r.getValue().toStringUtf8());
    }

    assertEquals(3, router.metrics().snapshot().attempts(), "no attempt wasted on a follower");
    assertEquals(0, cluster.node(1).reads.get() + cluster.node(3).reads.get());
  }

  @Test
  void leaderFirstWithNoKnownLeaderStillFindsAReplica() {
    cluster.node(1).actAsFollowerOf(cluster.node(2));
    cluster.node(3).actAsFollowerOf(cluster.node(2));
    ReadResponse served = ReadResponse.newBuilder().setFound(true).build();
    cluster.node(1).onRead = r -> served.toBuilder().setValue(FakeTablet.utf8("n1")).build();
    cluster.node(3).onRead = r -> served.toBuilder().setValue(FakeTablet.utf8("n3")).build();
    TabletRouter router = cluster.router();

    ReadResponse r = router.read(tablet, snapshotRead, SnapshotRoute.LEADER_FIRST).join();

    assertTrue(Set.of("n1", "n2", "n3").contains(r.getValue().toStringUtf8()));
    assertEquals(1, router.metrics().snapshot().attempts());
  }

  @Test
  void leaderScansFindAndStayWithTheLeader() {
    cluster.node(1).actAsFollowerOf(cluster.node(2));
    cluster.node(3).actAsFollowerOf(cluster.node(2));
    TabletRouter router = cluster.router();
    ScanRequest leaderScan = ScanRequest.newBuilder().setLimit(10).build();

    for (int i = 0; i < 3; i++) {
      router.blocking().scan(tablet, leaderScan);
    }

    assertEquals(3, cluster.node(2).scans.get());
    assertEquals(
        new Endpoint("n2", cluster.node(2).address), router.leaders().get(7).orElseThrow());
  }
}
