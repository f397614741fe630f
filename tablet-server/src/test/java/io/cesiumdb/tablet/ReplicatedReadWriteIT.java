package io.cesiumdb.tablet;

import static io.cesiumdb.tablet.cluster.TabletClient.delete;
import static io.cesiumdb.tablet.cluster.TabletClient.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.errors.ErrorDetail;
import io.cesiumdb.proto.tablet.ReadConsistency;
import io.cesiumdb.proto.tablet.ReadRequest;
import io.cesiumdb.proto.tablet.ReadResponse;
import io.cesiumdb.proto.tablet.RemoveReplicaRequest;
import io.cesiumdb.proto.tablet.ScanRequest;
import io.cesiumdb.proto.tablet.ScanResponse;
import io.cesiumdb.proto.tablet.StatusRequest;
import io.cesiumdb.proto.tablet.StatusResponse;
import io.cesiumdb.proto.tablet.WriteRequest;
import io.cesiumdb.proto.tablet.WriteResponse;
import io.cesiumdb.tablet.cluster.Poll;
import io.cesiumdb.tablet.cluster.TabletClient;
import io.cesiumdb.tablet.cluster.TestCluster;
import io.cesiumdb.tablet.cluster.TestNode;
import io.cesiumdb.tablet.replication.TabletGroupIds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads and writes on a healthy 3-node cluster: at the leader, at followers, and the errors. */
class ReplicatedReadWriteIT {
  @TempDir static Path root;
  static TestCluster cluster;
  static TabletClient client;

  @BeforeAll
  static void start() {
    cluster = TestCluster.start(root, 3, RaftTuning.defaults());
    client = cluster.client();
    // All tablets of this class elect their leaders in parallel; one keyspace each (tablets that
    // share a keyspace must not overlap).
    cluster.createTablets(
        List.of(
            cluster.descriptor(1, 1, "", "", cluster.nodes()),
            cluster.descriptor(2, 2, "m", "", cluster.nodes()),
            cluster.descriptor(3, 3, "", "", cluster.nodes()),
            cluster.descriptor(4, 4, "b", "m", cluster.nodes()),
            cluster.descriptor(5, 5, "", "", cluster.nodes()),
            cluster.descriptor(6, 6, "", "", cluster.nodes()),
            cluster.descriptor(9, 9, "", "", cluster.nodes()),
            cluster.descriptor(10, 10, "", "", cluster.nodes())));
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @Test
  void writesAreReadableAtTheLeaderAndAtFollowersAtTheirTimestamps() {
    WriteResponse w1 = client.write(1, put("k", "v1"));
    WriteResponse w2 = client.write(1, put("k", "v2"), put("other", "x"));
    assertTrue(w2.getCommitTs() > w1.getCommitTs(), "commit ts increase");
    assertTrue(w2.getLogIndex() > w1.getLogIndex(), "log index increases");

    ReadResponse now = client.read(1, "k", 0);
    assertEquals("v2", now.getValue().toStringUtf8());
    assertEquals(w2.getCommitTs(), now.getVersionTs());
    assertTrue(now.getReadTs() >= w2.getCommitTs(), "read now covers the acknowledged write");
    assertEquals("v1", client.read(1, "k", w1.getCommitTs()).getValue().toStringUtf8());
    assertFalse(client.read(1, "k", w1.getCommitTs() - 1).getFound());

    for (TestNode follower : cluster.followers(1)) {
      ReadResponse atW2 =
          Poll.value(
              TestCluster.AWAIT,
              follower.id() + " serving ts " + w2.getCommitTs(),
              () -> ok(snapshotRead(follower, 1, "k", w2.getCommitTs())));
      assertEquals("v2", atW2.getValue().toStringUtf8());
      assertEquals(
          "v1", snapshotRead(follower, 1, "k", w1.getCommitTs()).getValue().toStringUtf8());
      assertFalse(snapshotRead(follower, 1, "k", w1.getCommitTs() - 1).getFound());
    }
  }

  @Test
  void aFollowerAnswersLeaderRequestsWithTheLeaderHint() {
    client.write(2, put("m1", "v"));
    TestNode leader = cluster.leader(2);
    TestNode follower = cluster.followers(2).get(0);
    ErrorDetail readError =
        follower
            .stub()
            .read(
                ReadRequest.newBuilder()
                    .setTabletId(2)
                    .setKey(ByteString.copyFromUtf8("m1"))
                    .setConsistency(ReadConsistency.LEADER)
                    .build())
            .getError();
    ErrorDetail writeError =
        follower
            .stub()
            .write(WriteRequest.newBuilder().setTabletId(2).addMutations(put("m2", "v")).build())
            .getError();
    for (ErrorDetail e : new ErrorDetail[] {readError, writeError}) {
      assertEquals(ErrorCode.NOT_LEADER.id(), e.getCode(), e.toString());
      assertEquals(2, e.getNotLeader().getTabletId());
      assertEquals(leader.id(), e.getNotLeader().getLeaderNodeId());
      assertEquals(leader.tabletAddress(), e.getNotLeader().getLeaderAddress());
    }
  }

  @Test
  void snapshotReadsNeedATimestampTheReplicaHasReached() {
    WriteResponse w = client.write(3, put("a", "1"));
    TestNode follower = cluster.followers(3).get(0);
    long future = w.getCommitTs() + 60_000_000L;
    assertEquals(
        ErrorCode.REPLICA_BEHIND.id(), snapshotRead(follower, 3, "a", future).getError().getCode());
    assertEquals(
        ErrorCode.INVALID_ARGUMENT.id(), snapshotRead(follower, 3, "a", 0).getError().getCode());
  }

  @Test
  void unknownTabletsAndKeysOutsideTheRangeAreRoutingErrors() {
    TestNode n = cluster.leader(4);
    assertEquals(
        ErrorCode.TABLET_NOT_FOUND.id(),
        n.stub().read(ReadRequest.newBuilder().setTabletId(999).build()).getError().getCode());
    ErrorDetail outside =
        n.stub()
            .write(WriteRequest.newBuilder().setTabletId(4).addMutations(put("z", "v")).build())
            .getError();
    assertEquals(ErrorCode.TABLET_MOVED.id(), outside.getCode());
    assertEquals(4, outside.getTabletMoved().getTabletId());
  }

  @Test
  void deletesAreTombstonesAtTheirTimestamp() {
    WriteResponse put = client.write(5, put("d", "here"));
    WriteResponse del = client.write(5, delete("d"));
    assertFalse(client.read(5, "d", 0).getFound());
    assertFalse(client.read(5, "d", del.getCommitTs()).getFound());
    assertEquals("here", client.read(5, "d", put.getCommitTs()).getValue().toStringUtf8());
  }

  @Test
  void oversizedWritesAreRejected() {
    byte[] big = new byte[RaftTuning.defaults().maxWriteBytes() + 1];
    WriteResponse r =
        cluster
            .leader(6)
            .stub()
            .write(
                WriteRequest.newBuilder()
                    .setTabletId(6)
                    .addMutations(put("big", "").toBuilder().setPut(ByteString.copyFrom(big)))
                    .build());
    assertEquals(
        ErrorCode.INVALID_ARGUMENT.id(), r.getError().getCode(), r.getError().getMessage());
  }

  @Test
  void statusShowsOneLeaderAndTheAppliedPosition() {
    WriteResponse w = client.write(9, put("s", "1"));
    cluster.awaitApplied(9, w.getLogIndex());
    int leaders = 0;
    for (TestNode n : cluster.nodes()) {
      StatusResponse s = n.stub().status(StatusRequest.newBuilder().setTabletId(9).build());
      assertFalse(s.hasError(), s.toString());
      leaders += s.getIsLeader() ? 1 : 0;
      assertTrue(s.getAppliedIndex() >= w.getLogIndex());
      assertTrue(s.getAppliedTs() >= w.getCommitTs());
      assertEquals(9, s.getTablet().getTabletId());
    }
    assertEquals(1, leaders);
  }

  @Test
  void removingAReplicaDropsItsGroupAndData() throws Exception {
    WriteResponse w = client.write(10, put("r", "1"));
    cluster.awaitApplied(10, w.getLogIndex());
    TestNode follower = cluster.followers(10).get(0);
    Path groupDir =
        follower.config().raftDir().resolve(TabletGroupIds.groupId(10).getUuid().toString());
    assertTrue(Files.isDirectory(groupDir));
    assertFalse(
        follower
            .stub()
            .removeReplica(RemoveReplicaRequest.newBuilder().setTabletId(10).build())
            .hasError());
    assertFalse(follower.server().hostedTablets().contains(10L));
    assertFalse(Files.exists(groupDir));
    assertEquals(
        ErrorCode.TABLET_NOT_FOUND.id(),
        snapshotRead(follower, 10, "r", w.getCommitTs()).getError().getCode());
    // The two remaining replicas are still a majority of the group's three.
    client.write(10, put("r", "2"));
  }

  @Test
  void scansPageThroughTheTabletRangeWithResumeKeys() {
    List<io.cesiumdb.proto.tablet.Mutation> batch = new java.util.ArrayList<>();
    for (int i = 0; i < 30; i++) {
      batch.add(put(String.format("b%02d", i), "v" + i));
    }
    WriteResponse w = client.write(4, batch.toArray(new io.cesiumdb.proto.tablet.Mutation[0]));
    TestNode leader = cluster.leader(4);
    TestNode follower = cluster.followers(4).get(0);

    List<String> atLeader = scanAll(leader, scan(4, "", "m", 0, 7, ReadConsistency.LEADER));
    assertEquals(30, atLeader.size());
    assertEquals("b00", atLeader.get(0));
    assertEquals("b29", atLeader.get(29));
    assertEquals(atLeader.stream().sorted().toList(), atLeader, "key order");

    Poll.until(
        TestCluster.AWAIT,
        "follower safe time",
        () -> follower.replica(4).orElseThrow().appliedMaxTs() >= w.getCommitTs());
    ScanRequest.Builder snap = scan(4, "b10", "b20", w.getCommitTs(), 4, ReadConsistency.SNAPSHOT);
    assertEquals(atLeader.subList(10, 20), scanAll(follower, snap));
    assertEquals(
        List.of(),
        scanAll(follower, scan(4, "", "m", w.getCommitTs() - 1, 4, ReadConsistency.SNAPSHOT)));
    ScanResponse beyond =
        leader.stub().scan(scan(4, "b25", "", 0, 10, ReadConsistency.LEADER).build());
    assertEquals(5, beyond.getRowsCount());
    assertEquals("m", beyond.getResumeKey().toStringUtf8(), "asked beyond the end: resume there");
    assertEquals(
        ErrorCode.TABLET_MOVED.id(),
        leader
            .stub()
            .scan(scan(4, "a", "", 0, 4, ReadConsistency.LEADER).build())
            .getError()
            .getCode());
  }

  private static ScanRequest.Builder scan(
      long tablet, String start, String end, long ts, int limit, ReadConsistency consistency) {
    return ScanRequest.newBuilder()
        .setTabletId(tablet)
        .setStartKey(ByteString.copyFromUtf8(start))
        .setEndKey(ByteString.copyFromUtf8(end))
        .setReadTs(ts)
        .setLimit(limit)
        .setConsistency(consistency);
  }

  /** Follows resume keys to the end; checks every page respects the limit. */
  private static List<String> scanAll(TestNode node, ScanRequest.Builder request) {
    List<String> keys = new java.util.ArrayList<>();
    ScanResponse page;
    do {
      page = node.stub().scan(request.build());
      assertFalse(page.hasError(), page.getError().toString());
      assertTrue(page.getRowsCount() <= request.getLimit());
      page.getRowsList().forEach(r -> keys.add(r.getKey().toStringUtf8()));
      request.setStartKey(page.getResumeKey());
    } while (!page.getResumeKey().isEmpty());
    return keys;
  }

  static ReadResponse snapshotRead(TestNode node, long tabletId, String key, long ts) {
    return node.stub()
        .read(
            ReadRequest.newBuilder()
                .setTabletId(tabletId)
                .setKey(ByteString.copyFromUtf8(key))
                .setReadTs(ts)
                .setConsistency(ReadConsistency.SNAPSHOT)
                .build());
  }

  static Optional<ReadResponse> ok(ReadResponse r) {
    return r.hasError() ? Optional.empty() : Optional.of(r);
  }
}
