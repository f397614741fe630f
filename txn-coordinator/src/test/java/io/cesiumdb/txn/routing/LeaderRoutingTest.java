package io.cesiumdb.txn.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.proto.tablet.ReadRequest;
import io.cesiumdb.proto.tablet.StatusRequest;
import io.cesiumdb.proto.tablet.StatusResponse;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import io.cesiumdb.proto.tablet.WriteRequest;
import io.cesiumdb.proto.tablet.WriteResponse;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Finding the leader: the cache, not-leader hints with and without a leader, status. */
class LeaderRoutingTest {
  private final FakeCluster cluster = new FakeCluster(3);
  private final TabletDescriptor tablet = cluster.descriptor();
  private final ReadRequest read = ReadRequest.newBuilder().setKey(FakeTablet.utf8("k")).build();

  @AfterEach
  void stop() {
    cluster.close();
  }

  private Endpoint endpoint(int i) {
    return new Endpoint(cluster.node(i).nodeId, cluster.node(i).address);
  }

  @Test
  void routesToTheCachedLeader() {
    TabletRouter router = cluster.router();
    router.leaders().update(FakeCluster.TABLET_ID, endpoint(2));

    String servedBy = router.blocking().read(tablet, read).getValue().toStringUtf8();

    assertEquals("n2", servedBy);
    assertEquals(1, cluster.node(2).reads.get());
    assertEquals(0, cluster.node(1).reads.get() + cluster.node(3).reads.get());
    assertEquals(1, router.metrics().snapshot().attempts());
  }

  @Test
  void followsANotLeaderHintAndCachesTheLeader() {
    cluster.node(1).actAsFollowerOf(cluster.node(3));
    cluster.node(2).actAsFollowerOf(cluster.node(3));
    TabletRouter router = cluster.router();
    router.leaders().update(FakeCluster.TABLET_ID, endpoint(1)); // stale: n1 lost leadership

    assertEquals("n3", router.blocking().read(tablet, read).getValue().toStringUtf8());
    assertEquals(Optional.of(endpoint(3)), router.leaders().get(FakeCluster.TABLET_ID));
    RouterMetrics.Snapshot first = router.metrics().snapshot();
    assertEquals(2, first.attempts());
    assertEquals(1, first.notLeaderRedirects());

    WriteResponse w = router.blocking().write(tablet, WriteRequest.getDefaultInstance());

    assertEquals(100, w.getCommitTs());
    assertEquals(3, router.metrics().snapshot().attempts(), "second call went straight to n3");
    assertEquals(1, cluster.node(1).reads.get() + cluster.node(1).writes.get());
    assertEquals(0, cluster.node(2).reads.get() + cluster.node(2).writes.get());
  }

  @Test
  void notLeaderWithoutHintRotatesThroughTheReplicas() {
    cluster.node(1).actAsFollowerOf(null);
    cluster.node(2).actAsFollowerOf(null);
    TabletRouter router = cluster.router();

    assertEquals("n3", router.blocking().read(tablet, read).getValue().toStringUtf8());

    RouterMetrics.Snapshot m = router.metrics().snapshot();
    assertTrue(m.attempts() <= 3, "at most one attempt per replica: " + m);
    assertEquals(0, m.notLeaderRedirects());
    assertEquals(0, m.backoffs(), "found within the first round");
    assertEquals(Optional.of(endpoint(3)), router.leaders().get(FakeCluster.TABLET_ID));
  }

  @Test
  void aHintNamingTheAnsweringReplicaItselfIsTreatedAsNoHint() {
    cluster.node(1).actAsFollowerOf(cluster.node(1)); // confused during an election
    TabletRouter router = cluster.router();
    router.leaders().update(FakeCluster.TABLET_ID, endpoint(1));

    String servedBy = router.blocking().read(tablet, read).getValue().toStringUtf8();

    assertFalse(servedBy.equals("n1"));
    assertEquals(1, cluster.node(1).reads.get(), "n1 was not asked again");
    assertEquals(0, router.metrics().snapshot().notLeaderRedirects());
  }

  @Test
  void statusAtTheLeaderFollowsAFollowersLeaderNodeId() {
    cluster.node(1).actAsFollowerOf(cluster.node(2)); // status names the leader by node id only
    TabletRouter router = cluster.router();
    router.leaders().update(FakeCluster.TABLET_ID, endpoint(1));

    StatusResponse s = router.blocking().status(tablet, StatusRequest.getDefaultInstance());

    assertEquals("n2", s.getNodeId());
    assertTrue(s.getIsLeader());
    assertEquals(1, router.metrics().snapshot().notLeaderRedirects());
    assertEquals(Optional.of(endpoint(2)), router.leaders().get(FakeCluster.TABLET_ID));
  }

  @Test
  void statusOfAGivenReplicaReturnsItsOwnAnswer() {
    cluster.node(3).actAsFollowerOf(cluster.node(1));
    TabletRouter router = cluster.router();

    StatusResponse s =
        router
            .blocking()
            .status(
                tablet, FakeCluster.replica(cluster.node(3)), StatusRequest.getDefaultInstance());

    assertEquals("n3", s.getNodeId());
    assertFalse(s.getIsLeader());
    assertEquals("n1", s.getLeaderNodeId());
    assertEquals(1, cluster.node(3).statuses.get());
    assertEquals(0, cluster.node(1).statuses.get() + cluster.node(2).statuses.get());
    assertEquals(Optional.empty(), router.leaders().get(FakeCluster.TABLET_ID));
  }

  @Test
  void statusOfAGivenReplicaThatLeadsCachesIt() {
    TabletRouter router = cluster.router();

    router
        .blocking()
        .status(tablet, FakeCluster.replica(cluster.node(2)), StatusRequest.getDefaultInstance());

    assertEquals(Optional.of(endpoint(2)), router.leaders().get(FakeCluster.TABLET_ID));
  }
}
