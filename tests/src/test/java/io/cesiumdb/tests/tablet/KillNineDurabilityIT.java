package io.cesiumdb.tests.tablet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.proto.tablet.ReadConsistency;
import io.cesiumdb.proto.tablet.ReadRequest;
import io.cesiumdb.proto.tablet.ReadResponse;
import io.cesiumdb.proto.tablet.ReplicaDescriptor;
import io.cesiumdb.proto.tablet.StatusRequest;
import io.cesiumdb.proto.tablet.StatusResponse;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import io.cesiumdb.proto.tablet.WriteRequest;
import io.cesiumdb.proto.tablet.WriteResponse;
import io.cesiumdb.tests.Await;
import io.cesiumdb.tests.cluster.ProcessCluster;
import io.cesiumdb.tests.cluster.Tablets;
import io.cesiumdb.txn.routing.BlockingTabletRouter;
import io.cesiumdb.txn.routing.RouterConfig;
import io.cesiumdb.txn.routing.TabletRouter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three nodes as real OS processes; a writer keeps writing through the router while the tablet's
 * leader process is killed with {@code kill -9}; the killed node restarts from its data directory
 * and must hold every write that was acknowledged, with the acknowledged commit timestamp.
 */
class KillNineDurabilityIT {
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @TempDir Path dir;

  @Test
  void everyAcknowledgedWriteSurvivesKillNineOfTheLeaderProcess() throws Exception {
    try (ProcessCluster cluster = ProcessCluster.start(3, dir);
        TabletRouter router =
            TabletRouter.builder()
                .config(RouterConfig.defaults().withOverallDeadline(Duration.ofSeconds(20)))
                .build()) {
      BlockingTabletRouter r = router.blocking();
      TabletDescriptor tablet = Tablets.create(Tablets.descriptor(7, 1000, cluster.addresses()));
      Map<String, Long> acked = new ConcurrentHashMap<>();
      AtomicInteger unknown = new AtomicInteger();
      AtomicBoolean stop = new AtomicBoolean();
      Thread writer = new Thread(() -> write(r, tablet, acked, unknown, stop), "writer");
      writer.start();

      Await.until("100 acknowledged writes", PATIENCE, () -> acked.size() >= 100);
      String leader = r.status(tablet, StatusRequest.getDefaultInstance()).getNodeId();
      cluster.kill(leader);
      int atKill = acked.size();
      Await.until("100 more writes after the kill", PATIENCE, () -> acked.size() >= atKill + 100);
      stop.set(true);
      writer.join();

      cluster.start(leader);
      long lastTs = acked.values().stream().mapToLong(Long::longValue).max().orElseThrow();
      ReplicaDescriptor restarted = replica(tablet, leader);
      Await.until(
          leader + " caught up to the last acknowledged write",
          PATIENCE,
          () -> appliedTs(r, tablet, restarted) >= lastTs);
      // Only the restarted replica: the reads must be served from its own store.
      TabletDescriptor onlyRestarted =
          tablet.toBuilder().clearReplicas().addReplicas(restarted).build();
      for (Map.Entry<String, Long> e : acked.entrySet()) {
        ReadResponse read = readAt(r, onlyRestarted, e.getKey(), lastTs);
        assertTrue(read.getFound(), "acknowledged write lost: " + e.getKey());
        assertEquals("v-" + e.getKey(), read.getValue().toStringUtf8());
        assertEquals((long) e.getValue(), read.getVersionTs(), e.getKey());
      }
      assertTrue(acked.size() >= 200, "writes were acknowledged on both sides of the kill");
    }
  }

  private static void write(
      BlockingTabletRouter r,
      TabletDescriptor tablet,
      Map<String, Long> acked,
      AtomicInteger unknown,
      AtomicBoolean stop) {
    for (int i = 0; !stop.get(); i++) {
      String key = String.format("k-%06d", i);
      try {
        WriteResponse w =
            r.write(
                tablet,
                WriteRequest.newBuilder().addMutations(Tablets.put(key, "v-" + key)).build());
        acked.put(key, w.getCommitTs());
      } catch (RuntimeException e) {
        unknown.incrementAndGet(); // in flight at the kill: may or may not be applied
      }
    }
  }

  private static ReplicaDescriptor replica(TabletDescriptor tablet, String nodeId) {
    return tablet.getReplicasList().stream()
        .filter(x -> x.getNodeId().equals(nodeId))
        .findFirst()
        .orElseThrow();
  }

  private static long appliedTs(
      BlockingTabletRouter r, TabletDescriptor tablet, ReplicaDescriptor replica) {
    try {
      StatusResponse s = r.status(tablet, replica, StatusRequest.getDefaultInstance());
      return s.getAppliedTs();
    } catch (RuntimeException e) {
      return -1;
    }
  }

  /** A snapshot read at {@code ts} at one of the descriptor's replicas. */
  private static ReadResponse readAt(
      BlockingTabletRouter r, TabletDescriptor tablet, String key, long ts) {
    return r.read(
        tablet,
        ReadRequest.newBuilder()
            .setKey(Tablets.utf8(key))
            .setReadTs(ts)
            .setConsistency(ReadConsistency.SNAPSHOT)
            .build());
  }
}
