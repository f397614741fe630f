package io.cesiumdb.txn.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.tablet.ReadRequest;
import io.cesiumdb.proto.tablet.ReadResponse;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Caller headers, argument checks without throwing, and close. */
class RouterLifecycleTest {
  private final FakeCluster cluster = new FakeCluster(3);
  private final TabletDescriptor tablet = cluster.descriptor();
  private final ReadRequest read = ReadRequest.newBuilder().setKey(FakeTablet.utf8("k")).build();

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Test
  void aRouterInsideANodeStampsTheCallerHeader() {
    TabletRouter router = cluster.router(cluster.routerBuilder().callerNodeId("n9"));
    router.leaders().update(FakeCluster.TABLET_ID, new Endpoint("n1", cluster.node(1).address));

    router.blocking().read(tablet, read);

    assertEquals(List.of("n9"), cluster.node(1).callers);
  }

  @Test
  void anExternalClientSendsNoCallerHeader() {
    TabletRouter router = cluster.router();
    router.leaders().update(FakeCluster.TABLET_ID, new Endpoint("n1", cluster.node(1).address));

    router.blocking().read(tablet, read);

    assertEquals(List.of("none"), cluster.node(1).callers);
  }

  @Test
  void badArgumentsFailTheFutureInsteadOfThrowing() {
    TabletRouter router = cluster.router();
    TabletDescriptor empty = tablet.toBuilder().clearReplicas().build();
    ReadRequest otherTablet = read.toBuilder().setTabletId(99).build();

    for (CompletableFuture<?> f :
        List.of(
            router.read(null, read),
            router.read(tablet, null),
            router.read(empty, read),
            router.read(tablet, otherTablet),
            router.status(tablet, null, null))) {
      ExecutionException e = assertThrows(ExecutionException.class, f::get);
      assertEquals(
          ErrorCode.INVALID_ARGUMENT, assertInstanceOf(CesiumException.class, e.getCause()).code());
    }
    assertEquals(0, router.metrics().snapshot().attempts());
  }

  @Test
  void theRequestCarriesTheDescriptorsTabletId() {
    AtomicLong seen = new AtomicLong(-1);
    for (int i = 1; i <= 3; i++) {
      cluster.node(i).onRead =
          r -> {
            seen.set(r.getTabletId());
            return ReadResponse.getDefaultInstance();
          };
    }
    TabletRouter router = cluster.router();

    router.blocking().read(tablet, read); // read has tablet id 0: "the descriptor's"

    assertEquals(FakeCluster.TABLET_ID, seen.get());
  }

  @Test
  void closeFailsARequestInFlightWithShuttingDown() throws Exception {
    cluster.node(1).onRead = r -> null; // the call stays in flight
    TabletRouter router =
        cluster.router(
            FakeCluster.TEST_CONFIG
                .withOverallDeadline(Duration.ofSeconds(30))
                .withAttemptTimeout(Duration.ofSeconds(30)));
    router.leaders().update(FakeCluster.TABLET_ID, new Endpoint("n1", cluster.node(1).address));
    CompletableFuture<ReadResponse> f = router.read(tablet, read);
    assertEquals("Read", cluster.node(1).awaitArrival());

    router.close();

    ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS));
    assertEquals(
        ErrorCode.SHUTTING_DOWN, assertInstanceOf(CesiumException.class, e.getCause()).code());
    CompletableFuture<ReadResponse> after = router.read(tablet, read);
    assertTrue(after.isCompletedExceptionally());
  }

  @Test
  void closeFailsARequestWaitingOutABackoff() throws Exception {
    for (int i = 1; i <= 3; i++) {
      cluster.node(i).actAsFollowerOf(null);
    }
    TabletRouter router =
        cluster.router(
            FakeCluster.TEST_CONFIG
                .withOverallDeadline(Duration.ofSeconds(60))
                .withBackoff(Duration.ofSeconds(30), Duration.ofSeconds(30)));
    CompletableFuture<ReadResponse> f = router.read(tablet, read);
    Await.until(
        "a backoff after one full round", () -> router.metrics().snapshot().backoffs() == 1);

    router.close();

    ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS));
    assertEquals(
        ErrorCode.SHUTTING_DOWN, assertInstanceOf(CesiumException.class, e.getCause()).code());
    assertFalse(f.isCancelled());
  }
}
