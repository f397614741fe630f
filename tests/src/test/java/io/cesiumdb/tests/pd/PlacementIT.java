package io.cesiumdb.tests.pd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.placement.ColumnDef;
import io.cesiumdb.proto.placement.ColumnType;
import io.cesiumdb.proto.placement.CreateTableRequest;
import io.cesiumdb.proto.placement.CreateTableResponse;
import io.cesiumdb.proto.placement.ListNodesRequest;
import io.cesiumdb.proto.placement.ListNodesResponse;
import io.cesiumdb.proto.placement.NodeEntry;
import io.cesiumdb.proto.placement.TableDef;
import io.cesiumdb.proto.tablet.ReadConsistency;
import io.cesiumdb.proto.tablet.ReadRequest;
import io.cesiumdb.proto.tablet.ReadResponse;
import io.cesiumdb.proto.tablet.ReplicaDescriptor;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import io.cesiumdb.proto.tablet.WriteRequest;
import io.cesiumdb.server.demo.LocalCluster;
import io.cesiumdb.server.node.Node;
import io.cesiumdb.server.node.NodeConfig;
import io.cesiumdb.tests.cluster.PdCalls;
import io.cesiumdb.tests.cluster.Tablets;
import io.cesiumdb.txn.routing.BlockingTabletRouter;
import io.cesiumdb.txn.routing.PlacementDescriptorSource;
import io.cesiumdb.txn.routing.RouterConfig;
import io.cesiumdb.txn.routing.TabletRouter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The placement driver inside the nodes: a 5-node cluster runs a 3-member PD on n1..n3, every node
 * joins it, and a table created with 8 split points gets 9 tablets whose replicas the tablet
 * servers really created (each accepts a write and a read through the router).
 */
class PlacementIT {
  @TempDir Path dir;

  @Test
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  void createTablePlacesAndCreatesNineBalancedTablets() throws Exception {
    try (LocalCluster cluster = LocalCluster.start(5, NodeConfig.DEFAULT_HOST, 0, dir);
        TabletRouter router =
            TabletRouter.builder()
                .callerNodeId("client")
                .config(RouterConfig.defaults().withOverallDeadline(Duration.ofSeconds(10)))
                .build()) {
      assertEquals(3, cluster.pdPeers().size());
      assertTrue(cluster.node("n1").placementDriver().isPresent());
      assertFalse(cluster.node("n4").placementDriver().isPresent());
      for (Node n : cluster.nodes()) {
        n.joined().get(60, TimeUnit.SECONDS);
      }
      List<String> members = cluster.pdPeers().stream().map(p -> p.serviceAddress()).toList();
      PdCalls pd = new PdCalls(members);
      try {
        ListNodesResponse nodes =
            pd.call(s -> s.listNodes(ListNodesRequest.getDefaultInstance()), r -> r.getError());
        assertEquals(
            List.of("n1", "n2", "n3", "n4", "n5"),
            nodes.getNodesList().stream().map(NodeEntry::getNodeId).sorted().toList());

        CreateTableRequest.Builder create = CreateTableRequest.newBuilder().setTable(table());
        for (int i = 1; i <= 8; i++) {
          create.addSplitPoints(key(i * 100));
        }
        // Ask at a follower first: it must be redirected to the leader.
        CreateTableResponse created =
            pd.call(s -> s.createTable(create.build()), r -> r.getError());
        assertEquals(9, created.getTabletsCount());

        Map<String, Integer> perNode = new HashMap<>();
        for (TabletDescriptor t : created.getTabletsList()) {
          assertEquals(3, t.getReplicasCount(), t.toString());
          assertEquals(
              3,
              new HashSet<>(t.getReplicasList().stream().map(ReplicaDescriptor::getNodeId).toList())
                  .size(),
              "distinct replicas " + t);
          t.getReplicasList().forEach(r -> perNode.merge(r.getNodeId(), 1, Integer::sum));
        }
        assertEquals(5, perNode.size(), "every node hosts tablets: " + perNode);
        int min = perNode.values().stream().min(Integer::compare).orElseThrow();
        int max = perNode.values().stream().max(Integer::compare).orElseThrow();
        assertTrue(max - min <= 1, "tablet counts within ±1: " + perNode);

        BlockingTabletRouter r = router.blocking();
        List<TabletDescriptor> tablets = new ArrayList<>(created.getTabletsList());
        for (int i = 0; i < tablets.size(); i++) {
          TabletDescriptor t = tablets.get(i);
          ByteString k = t.getStartKey().isEmpty() ? key(1) : t.getStartKey();
          r.write(
              t,
              WriteRequest.newBuilder()
                  .addMutations(
                      Tablets.put(k.toStringUtf8(), "v" + i).toBuilder().setKey(k).build())
                  .build());
          ReadResponse read =
              r.read(
                  t,
                  ReadRequest.newBuilder()
                      .setKey(k)
                      .setConsistency(ReadConsistency.LEADER)
                      .build());
          assertEquals("v" + i, read.getValue().toStringUtf8(), "tablet " + t.getTabletId());
        }

        // The router's directory seam: a stale descriptor refreshes to the PD's current one.
        try (PlacementDescriptorSource source =
            new PlacementDescriptorSource(members, Duration.ofSeconds(5))) {
          TabletDescriptor third = tablets.get(3);
          TabletDescriptor stale = third.toBuilder().setEpoch(0).clearReplicas().build();
          TabletDescriptor fresh =
              source
                  .refresh(stale, new CesiumException(ErrorCode.TABLET_MOVED, "stale"))
                  .get(10, TimeUnit.SECONDS);
          assertEquals(third, fresh);
          assertEquals(third, source.cached(third.getTabletId()).orElseThrow());
          assertEquals(tablets.get(5), source.lookup(third.getKeyspace(), key(501)));
        }
      } finally {
        pd.close();
      }
    }
  }

  private static ByteString key(int n) {
    return Tablets.utf8(String.format("k%06d", n));
  }

  private static TableDef table() {
    return TableDef.newBuilder()
        .setSchema("app")
        .setName("orders")
        .addColumns(ColumnDef.newBuilder().setName("id").setType(ColumnType.BIGINT))
        .addColumns(
            ColumnDef.newBuilder().setName("v").setType(ColumnType.VARCHAR).setNullable(true))
        .addPrimaryKey("id")
        .build();
  }
}
