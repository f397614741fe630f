package io.cesiumdb.pd.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.cesiumdb.proto.errors.ErrorDetail;
import io.cesiumdb.proto.placement.AuthenticateRequest;
import io.cesiumdb.proto.placement.ColumnDef;
import io.cesiumdb.proto.placement.ColumnType;
import io.cesiumdb.proto.placement.CreateTableRequest;
import io.cesiumdb.proto.placement.CreateTableResponse;
import io.cesiumdb.proto.placement.CreateUserRequest;
import io.cesiumdb.proto.placement.GetLeaderRequest;
import io.cesiumdb.proto.placement.GetLeaderResponse;
import io.cesiumdb.proto.placement.GetTableRequest;
import io.cesiumdb.proto.placement.GetTableResponse;
import io.cesiumdb.proto.placement.HeartbeatRequest;
import io.cesiumdb.proto.placement.JoinRequest;
import io.cesiumdb.proto.placement.JoinResponse;
import io.cesiumdb.proto.placement.ListNodesRequest;
import io.cesiumdb.proto.placement.ListTablesRequest;
import io.cesiumdb.proto.placement.ListTabletsRequest;
import io.cesiumdb.proto.placement.ListTabletsResponse;
import io.cesiumdb.proto.placement.LookupTabletRequest;
import io.cesiumdb.proto.placement.LookupTabletResponse;
import io.cesiumdb.proto.placement.PlacementServiceGrpc.PlacementServiceBlockingStub;
import io.cesiumdb.proto.placement.SplitTabletRequest;
import io.cesiumdb.proto.placement.SplitTabletResponse;
import io.cesiumdb.proto.placement.TableDef;
import io.cesiumdb.proto.tablet.ReplicaDescriptor;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three placement-driver members in process on loopback, each with its own Ratis server and a gRPC
 * server hosting {@code rpcService()}; every request goes over gRPC.
 */
class PlacementDriverClusterTest {
  private static final Duration ELECTION = Duration.ofSeconds(10);
  private static final List<String> NODES = List.of("n1", "n2", "n3", "n4", "n5");

  @TempDir Path dir;
  private PdCluster cluster;

  @AfterEach
  void tearDown() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void leaderIsElectedAndEveryMemberKnowsIt() throws Exception {
    cluster = PdCluster.start(dir, 3);
    int leader = cluster.awaitLeader(ELECTION);
    String leaderId = cluster.member(leader).nodeId();
    for (int i = 0; i < 3; i++) {
      int member = i;
      PdCluster.await(
          "pd" + (i + 1) + " to learn the leader",
          ELECTION,
          () ->
              cluster
                  .stub(member)
                  .getLeader(GetLeaderRequest.getDefaultInstance())
                  .getLeaderNodeId()
                  .equals(leaderId));
      GetLeaderResponse r = cluster.stub(i).getLeader(GetLeaderRequest.getDefaultInstance());
      assertEquals(
          cluster.member(leader).config().peer(leaderId).orElseThrow().serviceAddress(),
          r.getLeaderAddress());
    }
  }

  @Test
  void createTableWithEightSplitPointsPlacesNineBalancedTablets() throws Exception {
    cluster = PdCluster.start(dir, 3);
    PlacementServiceBlockingStub leader = cluster.stub(cluster.awaitLeader(ELECTION));
    joinAll(leader);

    CreateTableResponse r = leader.createTable(createTable("orders", 8));
    assertOk(r.getError());
    assertEquals(9, r.getTabletsCount());
    assertEquals(1, r.getTable().getSchemaVersion());
    Map<String, Integer> tablets = new HashMap<>();
    Map<String, Integer> leaders = new HashMap<>();
    for (TabletDescriptor t : r.getTabletsList()) {
      List<String> replicas =
          t.getReplicasList().stream().map(ReplicaDescriptor::getNodeId).toList();
      assertEquals(3, replicas.size(), "replicas of " + t);
      assertEquals(3, replicas.stream().distinct().count(), "distinct replicas of " + t);
      replicas.forEach(n -> tablets.merge(n, 1, Integer::sum));
      leaders.merge(replicas.get(0), 1, Integer::sum);
      t.getReplicasList()
          .forEach(rd -> assertEquals("rpc-" + rd.getNodeId(), rd.getTabletAddress()));
    }
    assertWithinOne(tablets, "tablets per node");
    assertWithinOne(leaders, "preferred leaders per node");

    // The directory answers for it: ListTablets in key order, LookupTablet by key.
    ListTabletsResponse listed =
        leader.listTablets(
            ListTabletsRequest.newBuilder().setTableId(r.getTable().getTableId()).build());
    assertOk(listed.getError());
    assertEquals(r.getTabletsList(), listed.getTabletsList());
    LookupTabletResponse found =
        leader.lookupTablet(
            LookupTabletRequest.newBuilder()
                .setKeyspace(r.getTable().getTableId())
                .setKey(ByteString.copyFrom(new byte[] {4, 1}))
                .build());
    assertOk(found.getError());
    assertEquals(r.getTablets(4), found.getTablet());
    assertEquals(5, leader.listNodes(ListNodesRequest.getDefaultInstance()).getNodesCount());
    assertEquals(1, leader.listTables(ListTablesRequest.getDefaultInstance()).getTablesCount());
  }

  @Test
  void followerAnswersNotLeaderNamingTheLeader() throws Exception {
    cluster = PdCluster.start(dir, 3);
    int leader = cluster.awaitLeader(ELECTION);
    String leaderId = cluster.member(leader).nodeId();
    int follower = (leader + 1) % 3;
    PdCluster.await(
        "the follower to learn the leader",
        ELECTION,
        () -> cluster.member(follower).leaderId().filter(leaderId::equals).isPresent());

    ErrorDetail write = cluster.stub(follower).createTable(createTable("t", 0)).getError();
    assertEquals("RTE-1", write.getCode());
    assertEquals(leaderId, write.getNotLeader().getLeaderNodeId());
    assertEquals(
        cluster.member(leader).config().peer(leaderId).orElseThrow().serviceAddress(),
        write.getNotLeader().getLeaderAddress());
    ErrorDetail read =
        cluster
            .stub(follower)
            .getTable(GetTableRequest.newBuilder().setSchema("app").setName("t").build())
            .getError();
    assertEquals("RTE-1", read.getCode());
    assertEquals(leaderId, read.getNotLeader().getLeaderNodeId());
  }

  @Test
  void everyMemberHoldsTheSameStateAfterWrites() throws Exception {
    cluster = PdCluster.start(dir, 3);
    PlacementServiceBlockingStub leader = cluster.stub(cluster.awaitLeader(ELECTION));
    joinAll(leader);
    CreateTableResponse created = leader.createTable(createTable("a", 3));
    assertOk(created.getError());
    assertOk(leader.createTable(createTable("b", 0)).getError());
    TabletDescriptor first = created.getTablets(0);
    SplitTabletResponse split =
        leader.splitTablet(
            SplitTabletRequest.newBuilder()
                .setTabletId(first.getTabletId())
                .setExpectedEpoch(first.getEpoch())
                .setSplitKey(ByteString.copyFrom(new byte[] {0, 5}))
                .build());
    assertOk(split.getError());
    assertEquals(first.getEpoch() + 1, split.getLeft().getEpoch());
    // The split ran at the tablet (a fake here) with the id the PD allocated for the right half.
    List<String> splits = cluster.tablets().calls("Split");
    assertEquals(1, splits.size());
    assertTrue(
        splits.get(0).endsWith(" right t" + split.getRight().getTabletId()), splits.toString());
    assertEquals(ByteString.copyFrom(new byte[] {0, 5}), split.getRight().getStartKey());
    // A stale epoch is refused with the current one.
    ErrorDetail stale =
        leader
            .splitTablet(
                SplitTabletRequest.newBuilder()
                    .setTabletId(first.getTabletId())
                    .setExpectedEpoch(first.getEpoch())
                    .setSplitKey(ByteString.copyFrom(new byte[] {0, 7}))
                    .build())
            .getError();
    assertEquals(first.getEpoch() + 1, stale.getTabletMoved().getCurrentEpoch());
    assertEquals(
        1, cluster.tablets().calls("Split").size(), "a stale split never reaches the tablet");
    assertOk(
        leader
            .heartbeat(HeartbeatRequest.newBuilder().setNodeId("n1").setDiskUsedBytes(42).build())
            .getError());

    awaitSameState();
    byte[] expected = cluster.member(0).snapshotBytes();
    assertTrue(expected.length > 0);
    for (int i = 1; i < 3; i++) {
      assertArrayEquals(expected, cluster.member(i).snapshotBytes(), "pd" + (i + 1));
    }
  }

  /** The "done when": the PD survives the loss of its leader within 5 s. */
  @Test
  void survivesLossOfItsLeaderAndCreatesTablesWithinFiveSeconds() throws Exception {
    cluster = PdCluster.start(dir, 3);
    int old = cluster.awaitLeader(ELECTION);
    joinAll(cluster.stub(old));
    assertOk(cluster.stub(old).createTable(createTable("before", 2)).getError());

    long haltedAt = System.nanoTime();
    cluster.halt(old);
    CreateTableResponse after = null;
    long deadline = haltedAt + Duration.ofSeconds(5).toNanos();
    int target = (old + 1) % 3;
    while (after == null) {
      assertTrue(System.nanoTime() < deadline, "no table creation within 5 s of losing the leader");
      CreateTableResponse r = cluster.stub(target).createTable(createTable("after", 2));
      if (!r.hasError()) {
        after = r;
      } else {
        assertTrue(
            r.getError().getCode().equals("RTE-1") || r.getError().getCode().startsWith("CMN-"),
            "unexpected error " + r.getError());
        String hint = r.getError().getNotLeader().getLeaderNodeId();
        int next = hint.isEmpty() ? -1 : cluster.indexOf(hint);
        target =
            next >= 0 && next != old
                ? next
                : (target == (old + 1) % 3 ? (old + 2) % 3 : (old + 1) % 3);
      }
    }
    Duration took = Duration.ofNanos(System.nanoTime() - haltedAt);
    assertEquals(3, after.getTabletsCount());
    assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "took " + took);
    int leader = cluster.awaitLeader(ELECTION);
    assertFalse(leader == old);
    assertEquals(
        2,
        cluster.stub(leader).listTables(ListTablesRequest.getDefaultInstance()).getTablesCount());
  }

  @Test
  void restartFromTheDataDirKeepsTheCatalog() throws Exception {
    cluster = PdCluster.start(dir, 3);
    PlacementServiceBlockingStub leader = cluster.stub(cluster.awaitLeader(ELECTION));
    joinAll(leader);
    CreateTableResponse created = leader.createTable(createTable("kept", 4));
    assertOk(created.getError());
    assertOk(
        leader
            .createUser(
                CreateUserRequest.newBuilder().setName("kept").setPassword("pw-kept").build())
            .getError());
    // Enough entries to pass the test snapshot threshold (16): restart loads a snapshot + log tail.
    for (int i = 0; i < 20; i++) {
      assertOk(
          leader
              .heartbeat(
                  HeartbeatRequest.newBuilder()
                      .setNodeId(NODES.get(i % NODES.size()))
                      .setDiskUsedBytes(i)
                      .build())
              .getError());
    }
    awaitSameState();
    byte[] before = cluster.member(0).snapshotBytes();
    cluster.stopAll();
    assertTrue(snapshotFiles().findAny().isPresent(), "a snapshot was written");

    for (int i = 0; i < 3; i++) {
      cluster.startMember(i);
    }
    PlacementServiceBlockingStub again = cluster.stub(cluster.awaitLeader(ELECTION));
    GetTableResponse table =
        again.getTable(GetTableRequest.newBuilder().setSchema("app").setName("kept").build());
    assertOk(table.getError());
    assertEquals(created.getTable(), table.getTable());
    ListTabletsResponse tablets =
        again.listTablets(
            ListTabletsRequest.newBuilder().setTableId(created.getTable().getTableId()).build());
    assertEquals(created.getTabletsList(), tablets.getTabletsList());
    assertOk(
        again
            .authenticate(
                AuthenticateRequest.newBuilder().setName("kept").setPassword("pw-kept").build())
            .getError());
    awaitSameState();
    assertArrayEquals(before, cluster.member(0).snapshotBytes());
  }

  // ---- Helpers ---------------------------------------------------------------------------------

  private static void joinAll(PlacementServiceBlockingStub leader) {
    for (String n : NODES) {
      JoinResponse r =
          leader.join(
              JoinRequest.newBuilder()
                  .setNodeId(n)
                  .setRpcAddress("rpc-" + n)
                  .setRaftAddress("raft-" + n)
                  .build());
      assertOk(r.getError());
      assertEquals(3, r.getPdMembersCount());
    }
  }

  private static CreateTableRequest createTable(String name, int splitPoints) {
    CreateTableRequest.Builder b =
        CreateTableRequest.newBuilder()
            .setTable(
                TableDef.newBuilder()
                    .setSchema("app")
                    .setName(name)
                    .addColumns(ColumnDef.newBuilder().setName("id").setType(ColumnType.BIGINT))
                    .addColumns(
                        ColumnDef.newBuilder()
                            .setName("v")
                            .setType(ColumnType.VARCHAR)
                            .setNullable(true))
                    .addPrimaryKey("id"));
    for (int i = 1; i <= splitPoints; i++) {
      b.addSplitPoints(ByteString.copyFrom(new byte[] {(byte) i}));
    }
    return b.build();
  }

  private void awaitSameState() {
    PdCluster.await(
        "all members to apply the same entries",
        ELECTION,
        () -> {
          // Equal state, not equal applied index: members may differ by applied entries that
          // carry no command (a new leader's startup entry) until the next heartbeat.
          List<PlacementDriver> live = cluster.live();
          byte[] first = live.get(0).snapshotBytes();
          return live.stream().allMatch(m -> Arrays.equals(first, m.snapshotBytes()));
        });
  }

  private Stream<Path> snapshotFiles() throws Exception {
    return Files.walk(dir).filter(p -> p.getFileName().toString().matches("snapshot\\.\\d+_\\d+"));
  }

  private static void assertOk(ErrorDetail error) {
    assertEquals(ErrorDetail.getDefaultInstance(), error, () -> "unexpected error " + error);
  }

  private static void assertWithinOne(Map<String, Integer> counts, String what) {
    int min = counts.values().stream().mapToInt(Integer::intValue).min().orElseThrow();
    int max = counts.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
    assertTrue(max - min <= 1, what + " " + counts);
    assertEquals(NODES.size(), counts.size(), what + " " + counts);
  }
}
