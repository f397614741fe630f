package io.cesiumdb.tests.node;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.cesiumdb.proto.placement.CreateTableResponse;
import io.cesiumdb.proto.tablet.Mutation;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import io.cesiumdb.proto.tablet.TabletServiceGrpc;
import io.cesiumdb.proto.tablet.TransferLeaderRequest;
import io.cesiumdb.server.demo.LocalCluster;
import io.cesiumdb.server.node.Node;
import io.cesiumdb.tests.Await;
import io.cesiumdb.tests.cluster.PdCalls;
import io.cesiumdb.tests.cluster.Tables;
import io.cesiumdb.truetime.ClockOffsetMonitor;
import io.cesiumdb.txn.routing.KeyRouter;
import io.cesiumdb.txn.routing.RouterConfig;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clock discipline over the real monitor (issue 5): the leader of a tablet gets its clock skewed
 * well past the bound; it fences itself, hands its leadership away, and writes keep succeeding on
 * the others. Back within bound, it rejoins: given the leadership again, it serves writes.
 */
class ClockFencingIT {
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @TempDir Path dir;

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void aSkewedLeaderFencesItselfHandsOverAndRejoinsWhenBackInBound() throws Exception {
    try (LocalCluster cluster = LocalCluster.builder().nodes(3).dataDir(dir).start()) {
      for (Node n : cluster.nodes()) {
        n.joined().get(60, TimeUnit.SECONDS);
      }
      List<String> addresses =
          cluster.nodeIds().stream().map(id -> cluster.config(id).rpcAddress()).toList();
      try (PdCalls pd = new PdCalls(addresses);
          KeyRouter router =
              KeyRouter.builder()
                  .placementAddresses(addresses)
                  .config(RouterConfig.defaults().withOverallDeadline(Duration.ofSeconds(20)))
                  .build()) {
        CreateTableResponse table = Tables.create(pd, "clocks", List.of());
        long keyspace = table.getTable().getTableId();
        TabletDescriptor tablet = table.getTablets(0);
        write(router, keyspace, "before");
        String leader = leaderOf(cluster, tablet.getTabletId());

        long bound = ClockOffsetMonitor.Config.defaults().maxOffsetMicros();
        cluster.clock(leader).setOffsetMicros(4 * bound);
        sampleUntil(cluster, leader + " fenced", () -> fenced(cluster, leader));
        sampleUntil(
            cluster,
            leader + " leads nothing",
            () ->
                !cluster
                    .node(leader)
                    .tablets()
                    .replicaInfo(tablet.getTabletId())
                    .orElseThrow()
                    .leader());
        for (int i = 0; i < 5; i++) {
          write(router, keyspace, "fenced-" + i);
        }

        cluster.clock(leader).setOffsetMicros(0);
        // Healing is a clock step too: the node serves once the monitor is satisfied AND the
        // step's quarantine is over.
        sampleUntil(
            cluster,
            leader + " back in bound",
            () -> !fenced(cluster, leader) && cluster.node(leader).clockRefusal().isEmpty());
        transferLeadership(cluster, tablet, leader);
        write(router, keyspace, "after");
        assertTrue(
            cluster.node(leader).tablets().replicaInfo(tablet.getTabletId()).orElseThrow().leader(),
            leader + " leads again and served the write");
      }
    }
  }

  private static boolean fenced(LocalCluster cluster, String node) {
    var v = cluster.node(node).clockMonitor().verdict();
    return v.fenced() && !v.disagreeing().isEmpty();
  }

  private static String leaderOf(LocalCluster cluster, long tabletId) {
    String[] found = new String[1];
    Await.until(
        "a leader of tablet " + tabletId,
        PATIENCE,
        () -> {
          for (Node n : cluster.nodes()) {
            if (n.tablets().replicaInfo(tabletId).map(r -> r.leader()).orElse(false)) {
              found[0] = n.config().nodeId();
              return true;
            }
          }
          return false;
        });
    return found[0];
  }

  /** Asks the current leader to hand the tablet to {@code target}, until it leads. */
  private static void transferLeadership(
      LocalCluster cluster, TabletDescriptor tablet, String target) {
    Await.until(
        target + " leading tablet " + tablet.getTabletId() + " again",
        PATIENCE,
        () -> {
          String current = leaderOf(cluster, tablet.getTabletId());
          if (current.equals(target)) {
            return true;
          }
          ManagedChannel channel =
              Grpc.newChannelBuilder(
                      cluster.config(current).rpcAddress(), InsecureChannelCredentials.create())
                  .build();
          try {
            TabletServiceGrpc.newBlockingStub(channel)
                .withDeadlineAfter(10, TimeUnit.SECONDS)
                .transferLeader(
                    TransferLeaderRequest.newBuilder()
                        .setTabletId(tablet.getTabletId())
                        .setTargetNodeId(target)
                        .build());
          } finally {
            channel.shutdownNow();
          }
          return false;
        });
  }

  private static void sampleUntil(
      LocalCluster cluster, String what, java.util.function.BooleanSupplier done) {
    Await.until(
        what,
        PATIENCE,
        () -> {
          cluster.sampleClocks();
          return done.getAsBoolean();
        });
  }

  private static void write(KeyRouter router, long keyspace, String key) throws Exception {
    ByteString k = ByteString.copyFromUtf8(key);
    Mutation m = Mutation.newBuilder().setKey(k).setPut(k).build();
    router.write(keyspace, List.of(m)).get(30, TimeUnit.SECONDS);
  }
}
