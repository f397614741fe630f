package io.cesiumdb.txn.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.common.error.RetryHint;
import io.cesiumdb.proto.errors.ErrorDetail;
import io.cesiumdb.proto.errors.TabletMoved;
import io.cesiumdb.proto.tablet.ReadRequest;
import io.cesiumdb.proto.tablet.ReadResponse;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** TABLET_MOVED: today it fails with its hint; the DescriptorSource seam turns it into a retry. */
class DescriptorRefreshTest {
  private final FakeCluster cluster = new FakeCluster(4);
  private final TabletDescriptor before = cluster.descriptor(1, 2, 3);
  private final ReadRequest read = ReadRequest.newBuilder().setKey(FakeTablet.utf8("k")).build();

  @BeforeEach
  void moveTheTabletAwayFromN1ToN3() {
    ErrorDetail moved =
        ErrorDetail.newBuilder()
            .setCode(ErrorCode.TABLET_MOVED.id())
            .setMessage("epoch 1 < 2")
            .setTabletMoved(
                TabletMoved.newBuilder()
                    .setTabletId(FakeCluster.TABLET_ID)
                    .setCallerEpoch(1)
                    .setCurrentEpoch(2))
            .build();
    for (int i = 1; i <= 3; i++) {
      cluster.node(i).onRead = r -> ReadResponse.newBuilder().setError(moved).build();
    }
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Test
  void withoutADirectoryTabletMovedFailsWithItsHint() {
    TabletRouter router = cluster.router();

    CesiumException e =
        assertThrows(CesiumException.class, () -> router.blocking().read(before, read));

    assertEquals(ErrorCode.TABLET_MOVED, e.code());
    assertEquals(Optional.of(new RetryHint.TabletMoved("7", 1, 2)), e.hint());
    RouterMetrics.Snapshot m = router.metrics().snapshot();
    assertEquals(1, m.attempts());
    assertEquals(1, m.descriptorRefreshes());
  }

  @Test
  void aFresherDescriptorFromTheSourceIsRetried() {
    TabletDescriptor after = cluster.descriptor(4).toBuilder().setEpoch(2).build();
    DescriptorSource directory =
        (stale, reason) -> {
          assertEquals(1, stale.getEpoch());
          assertEquals(ErrorCode.TABLET_MOVED, reason.code());
          return CompletableFuture.completedFuture(after);
        };
    TabletRouter router = cluster.router(cluster.routerBuilder().descriptorSource(directory));

    assertEquals("n4", router.blocking().read(before, read).getValue().toStringUtf8());
    assertEquals(1, router.metrics().snapshot().descriptorRefreshes());
  }

  @Test
  void aFailedRefreshFailsWithTheMovedError() {
    DescriptorSource broken =
        (stale, reason) -> CompletableFuture.failedFuture(new IllegalStateException("pd down"));
    TabletRouter router = cluster.router(cluster.routerBuilder().descriptorSource(broken));

    CesiumException e =
        assertThrows(CesiumException.class, () -> router.blocking().read(before, read));

    assertEquals(ErrorCode.TABLET_MOVED, e.code());
  }
}
