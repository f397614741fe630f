package io.cesiumdb.txn.routing;

import static io.cesiumdb.txn.routing.KeyRouterSplitIT.failure;
import static io.cesiumdb.txn.routing.KeyRouterSplitIT.join;
import static io.cesiumdb.txn.routing.KeyRouterSplitIT.put;
import static io.cesiumdb.txn.routing.KeyRouterSplitIT.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.tablet.ReadConsistency;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The key router and the placement driver: leader discovery and change, failing refreshes. */
class KeyRouterPlacementIT {
  static final long KS = 9;

  /** A short deadline for the tests that wait it out. */
  static final RouterConfig SHORT =
      FakeCluster.TEST_CONFIG
          // Wide enough for a first gRPC connect on a loaded 2-core box (300 ms was not).
          .withOverallDeadline(Duration.ofMillis(3000))
          .withAttemptTimeout(Duration.ofMillis(1000));

  private RangeTabletNode node;
  private FakePlacementDriver pd1;
  private FakePlacementDriver pd2;
  private TabletDescriptor tablet;

  @BeforeEach
  void start() throws IOException {
    node = new RangeTabletNode("n1");
    pd1 = new FakePlacementDriver();
    pd2 = new FakePlacementDriver();
    tablet = node.tablet(1, KS, "", "", 1);
    node.host(tablet);
    pd1.tablets = List.of(tablet);
    pd2.tablets = List.of(tablet);
    node.put("k", "v");
  }

  @AfterEach
  void stop() throws InterruptedException {
    node.close();
    pd1.close();
    pd2.close();
  }

  private KeyRouter router(RouterConfig config) {
    return KeyRouter.builder()
        .placementAddresses(List.of(pd1.address, pd2.address))
        .config(config)
        .build();
  }

  @Test
  void getLeaderAtTheFirstAddressLeadsToTheSecond() {
    pd1.role = FakePlacementDriver.Role.FOLLOWER;
    pd1.getLeaderAnswer = pd2.address;
    try (KeyRouter router = router(FakeCluster.TEST_CONFIG)) {
      assertEquals(
          "v",
          join(router.read(KS, utf8("k"), ReadConsistency.LEADER, 0)).getValue().toStringUtf8());
      assertEquals(0, pd1.calls.get());
      assertEquals(1, pd2.lookupsServed.get());
    }
  }

  @Test
  void aNotLeaderHintIsFollowedAndALeaderChangeIsTracked() {
    pd1.role = FakePlacementDriver.Role.FOLLOWER;
    pd1.leaderAddress = pd2.address; // GetLeader at pd1 knows nothing; its NOT_LEADER hints pd2
    try (KeyRouter router = router(FakeCluster.TEST_CONFIG)) {
      join(router.tabletFor(KS, utf8("k")));
      assertEquals(1, pd1.calls.get());
      assertEquals(1, pd2.lookupsServed.get());

      pd2.role = FakePlacementDriver.Role.FOLLOWER; // leadership moves back to pd1
      pd2.leaderAddress = pd1.address;
      pd1.role = FakePlacementDriver.Role.LEADER;
      router.cache().clear();

      join(router.tabletFor(KS, utf8("k")));
      assertEquals(1, pd1.lookupsServed.get());
    }
  }

  @Test
  void aRefreshThatKeepsFailingEndsWithUnavailableAtTheDeadline() {
    pd1.role = FakePlacementDriver.Role.DOWN;
    pd2.role = FakePlacementDriver.Role.DOWN;
    try (KeyRouter router = router(SHORT)) {
      long t0 = System.nanoTime();
      CesiumException e = failure(router.read(KS, utf8("k"), ReadConsistency.LEADER, 0));

      assertEquals(ErrorCode.UNAVAILABLE, e.code(), e.getMessage());
      assertTrue(System.nanoTime() - t0 >= SHORT.overallDeadline().toNanos() / 2);
      assertTrue(pd1.calls.get() >= 2 && pd2.calls.get() >= 2, "members retried in turn");
      assertFalse(node.log.contains("Read:1"));
    }
  }

  @Test
  void aPlacementDriverThatLagsBehindTheSplitEndsWithUnavailableNotARoutingError() {
    node.host(node.tablet(1, KS, "", "m", 2)); // split; tablet 2 exists nowhere the PD says
    try (KeyRouter router = router(SHORT)) {
      CesiumException e = failure(router.write(KS, List.of(put("x", "1"))));

      assertEquals(ErrorCode.UNAVAILABLE, e.code(), e.getMessage());
      assertTrue(
          router.tablets().metrics().snapshot().descriptorRefreshes() >= 2
              && pd1.lookupsServed.get() + pd2.lookupsServed.get() >= 2,
          e.getMessage() + " " + router.tablets().metrics().snapshot() + node.log);
      assertFalse(node.store.containsKey(utf8("x")));
    }
  }
}
