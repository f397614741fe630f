package io.cesiumdb.tests.tablet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.tablet.ReplicaDescriptor;
import io.cesiumdb.proto.tablet.StatusRequest;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import io.cesiumdb.server.demo.LocalCluster;
import io.cesiumdb.server.node.NodeConfig;
import io.cesiumdb.tests.cluster.NodeAddress;
import io.cesiumdb.tests.cluster.Tablets;
import io.cesiumdb.txn.routing.BlockingTabletRouter;
import io.cesiumdb.txn.routing.RouterConfig;
import io.cesiumdb.txn.routing.TabletRouter;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault plan on the tablet RPC path: calls stamped as coming from n1 are lost on a cut link
 * (and only there) and slowed on a delayed one; healing restores them.
 */
class TabletRpcFaultIT {
  @TempDir Path dir;

  @Test
  void cutAndDelayedLinksOnTheTabletRpc() {
    try (LocalCluster cluster = LocalCluster.start(3, NodeConfig.DEFAULT_HOST, 0, dir);
        TabletRouter router =
            TabletRouter.builder()
                .callerNodeId("n1")
                .config(
                    RouterConfig.defaults()
                        .withOverallDeadline(Duration.ofSeconds(2))
                        .withAttemptTimeout(Duration.ofSeconds(1)))
                .build()) {
      TabletDescriptor tablet = Tablets.create(Tablets.descriptor(11, 5, NodeAddress.all(cluster)));
      BlockingTabletRouter r = router.blocking();

      cluster.faults().drop("n1", "n2");
      CesiumException cut = assertThrows(CesiumException.class, () -> status(r, tablet, "n2"));
      assertEquals(ErrorCode.UNAVAILABLE, cut.code(), cut.getMessage());
      assertEquals("n3", status(r, tablet, "n3"), "other links are untouched");
      assertTrue(cluster.faults().droppedCount() > 0);

      cluster.faults().heal().delay("n1", "n3", 300);
      long t0 = System.nanoTime();
      assertEquals("n3", status(r, tablet, "n3"));
      assertTrue((System.nanoTime() - t0) / 1_000_000 >= 300, "the delayed link was slowed");

      cluster.faults().heal();
      assertEquals("n2", status(r, tablet, "n2"), "a healed link works again");
    }
  }

  private static String status(BlockingTabletRouter r, TabletDescriptor tablet, String nodeId) {
    ReplicaDescriptor replica =
        tablet.getReplicasList().stream()
            .filter(x -> x.getNodeId().equals(nodeId))
            .findFirst()
            .orElseThrow();
    return r.status(tablet, replica, StatusRequest.getDefaultInstance()).getNodeId();
  }
}
