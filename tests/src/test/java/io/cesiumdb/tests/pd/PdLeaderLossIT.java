package io.cesiumdb.tests.pd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.cesiumdb.pd.service.PlacementDriver;
import io.cesiumdb.proto.placement.CreateTableResponse;
import io.cesiumdb.proto.tablet.Mutation;
import io.cesiumdb.proto.tablet.ReadConsistency;
import io.cesiumdb.server.demo.LocalCluster;
import io.cesiumdb.server.node.Node;
import io.cesiumdb.tests.Await;
import io.cesiumdb.tests.cluster.PdCalls;
import io.cesiumdb.tests.cluster.Tables;
import io.cesiumdb.txn.routing.KeyRouter;
import io.cesiumdb.txn.routing.RouterConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4: the placement driver survives the loss of its leader. The node running the PD leader
 * (also a tablet server) is halted abruptly; a new PD leader is elected and a table is created,
 * with its replicas really created on the tablet servers, within 5 s, and it takes writes.
 */
class PdLeaderLossIT {
  @TempDir Path dir;

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void tableCreationWorksWithinFiveSecondsOfLosingThePdLeader() throws Exception {
    try (LocalCluster cluster = LocalCluster.builder().nodes(5).dataDir(dir).start()) {
      for (Node n : cluster.nodes()) {
        n.joined().get(60, TimeUnit.SECONDS);
      }
      String leader = pdLeader(cluster);
      List<String> survivors =
          cluster.nodeIds().stream()
              .filter(id -> !id.equals(leader))
              .map(id -> cluster.config(id).rpcAddress())
              .toList();
      try (PdCalls pd = new PdCalls(survivors);
          KeyRouter router =
              KeyRouter.builder()
                  .placementAddresses(survivors)
                  .config(RouterConfig.defaults().withOverallDeadline(Duration.ofSeconds(20)))
                  .build()) {
        Tables.create(pd, "before", List.of());

        cluster.halt(leader);
        long haltedAt = System.nanoTime();
        CreateTableResponse created =
            Tables.create(pd, "after", List.of(Tables.key(500), Tables.key(1000)));
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - haltedAt);
        System.out.printf(
            "PD leader %s halted; table created on a new leader %d ms later%n", leader, tookMillis);
        assertTrue(tookMillis < 5_000, "table creation took " + tookMillis + " ms");
        assertEquals(3, created.getTabletsCount());

        long keyspace = created.getTable().getTableId();
        for (long k : new long[] {1, 700, 1500}) {
          ByteString key = Tables.key(k);
          Mutation m = Mutation.newBuilder().setKey(key).setPut(key).build();
          long ts = router.write(keyspace, List.of(m)).get(30, TimeUnit.SECONDS).getCommitTs();
          assertTrue(
              router
                  .read(keyspace, key, ReadConsistency.LEADER, ts)
                  .get(30, TimeUnit.SECONDS)
                  .getFound());
        }
      }
    }
  }

  private static String pdLeader(LocalCluster cluster) {
    String[] leader = new String[1];
    Await.until(
        "a PD leader",
        Duration.ofSeconds(30),
        () ->
            cluster.nodes().stream()
                .map(Node::placementDriver)
                .flatMap(java.util.Optional::stream)
                .filter(PlacementDriver::isLeader)
                .findFirst()
                .map(pd -> leader[0] = pd.nodeId())
                .isPresent());
    return leader[0];
  }
}
