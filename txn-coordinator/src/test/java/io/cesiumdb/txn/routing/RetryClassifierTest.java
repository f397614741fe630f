package io.cesiumdb.txn.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.errors.ErrorDetail;
import io.cesiumdb.proto.errors.NotLeader;
import io.cesiumdb.proto.tablet.ReplicaDescriptor;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import io.cesiumdb.txn.routing.RetryClassifier.Action;
import io.grpc.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The retry table of {@link RetryClassifier}, row by row. */
class RetryClassifierTest {
  private static final TabletDescriptor TABLET =
      TabletDescriptor.newBuilder()
          .setTabletId(7)
          .addReplicas(replica("n1"))
          .addReplicas(replica("n2"))
          .build();
  private static final Endpoint N1 = new Endpoint("n1", "n1:7000");

  private static ReplicaDescriptor replica(String node) {
    return ReplicaDescriptor.newBuilder().setNodeId(node).setTabletAddress(node + ":7000").build();
  }

  private static ErrorDetail detail(ErrorCode code) {
    return ErrorDetail.newBuilder().setCode(code.id()).setMessage("m").build();
  }

  private static ErrorDetail notLeader(String node, String address) {
    return detail(ErrorCode.NOT_LEADER).toBuilder()
        .setNotLeader(NotLeader.newBuilder().setLeaderNodeId(node).setLeaderAddress(address))
        .build();
  }

  @ParameterizedTest(name = "{0}: read {1}, write {2}")
  @CsvSource({
    "TABLET_NOT_FOUND,     NEXT_REPLICA,       NEXT_REPLICA",
    "RAFT_GROUP_NOT_FOUND, NEXT_REPLICA,       NEXT_REPLICA",
    "TABLET_MOVED,         REFRESH_DESCRIPTOR, REFRESH_DESCRIPTOR",
    "UNAVAILABLE,          NEXT_REPLICA,       FAIL",
    "DEADLINE_EXCEEDED,    NEXT_REPLICA,       FAIL",
    "SHUTTING_DOWN,        NEXT_REPLICA,       FAIL",
    "RAFT_TIMEOUT,         NEXT_REPLICA,       FAIL",
    "CLOCK_FENCED,         NEXT_REPLICA,       FAIL",
    "UNIQUE_VIOLATION,     FAIL,               FAIL",
    "TXN_WOUNDED,          FAIL,               FAIL",
    "STORAGE_IO,           FAIL,               FAIL",
    "INTERNAL,             FAIL,               FAIL",
  })
  void responseCodes(ErrorCode code, Action read, Action write) {
    assertEquals(read, RetryClassifier.ofDetail(TabletRpc.READ, detail(code), TABLET, N1).action());
    assertEquals(
        write, RetryClassifier.ofDetail(TabletRpc.WRITE, detail(code), TABLET, N1).action());
  }

  @ParameterizedTest(name = "{0} delivered={1}: read {2}, write {3}")
  @CsvSource({
    "UNAVAILABLE,       false, NEXT_REPLICA, NEXT_REPLICA",
    "UNAVAILABLE,       true,  NEXT_REPLICA, FAIL",
    "DEADLINE_EXCEEDED, false, NEXT_REPLICA, NEXT_REPLICA",
    "DEADLINE_EXCEEDED, true,  NEXT_REPLICA, FAIL",
    "CANCELLED,         true,  NEXT_REPLICA, FAIL",
    "INTERNAL,          false, FAIL,         FAIL",
    "UNIMPLEMENTED,     true,  FAIL,         FAIL",
    "RESOURCE_EXHAUSTED, true, FAIL,         FAIL",
  })
  void transportStatuses(Status.Code code, boolean delivered, Action read, Action write) {
    Status s = Status.fromCode(code);
    assertEquals(read, RetryClassifier.ofTransport(TabletRpc.READ, s, delivered, N1).action());
    assertEquals(write, RetryClassifier.ofTransport(TabletRpc.WRITE, s, delivered, N1).action());
  }

  @Test
  void aTimedOutWriteFailsWithARetryableCodeThatSaysItMayHaveRun() {
    var d = RetryClassifier.ofTransport(TabletRpc.WRITE, Status.DEADLINE_EXCEEDED, true, N1);

    assertEquals(ErrorCode.DEADLINE_EXCEEDED, d.error().code());
    assertEquals(true, d.error().isRetryable());
  }

  @Test
  void notLeaderWithAnAddressRedirectsThere() {
    var d = RetryClassifier.ofDetail(TabletRpc.WRITE, notLeader("n9", "n9:7000"), TABLET, N1);

    assertEquals(Action.REDIRECT, d.action());
    assertEquals(new Endpoint("n9", "n9:7000"), d.leader());
  }

  @Test
  void notLeaderWithOnlyANodeIdIsResolvedThroughTheDescriptor() {
    var d = RetryClassifier.ofDetail(TabletRpc.READ, notLeader("n2", ""), TABLET, N1);

    assertEquals(Action.REDIRECT, d.action());
    assertEquals(new Endpoint("n2", "n2:7000"), d.leader());
  }

  @Test
  void notLeaderWithAnUnknownNodeIdOrNoHintOrItselfRotates() {
    assertEquals(
        Action.NEXT_REPLICA,
        RetryClassifier.ofDetail(TabletRpc.READ, notLeader("n7", ""), TABLET, N1).action());
    assertEquals(
        Action.NEXT_REPLICA,
        RetryClassifier.ofDetail(TabletRpc.READ, detail(ErrorCode.NOT_LEADER), TABLET, N1)
            .action());
    assertEquals(
        Action.NEXT_REPLICA,
        RetryClassifier.ofDetail(TabletRpc.READ, notLeader("n1", "n1:7000"), TABLET, N1).action());
  }

  @Test
  void aCleanResponseIsSuccess() {
    var r =
        new UnaryAttempt.Result<>(
            io.cesiumdb.proto.tablet.ReadResponse.getDefaultInstance(), null, true);

    var d = RetryClassifier.classify(TabletRpc.READ, r, TABLET, N1);

    assertEquals(Action.SUCCESS, d.action());
    assertNull(d.error());
  }

  @Test
  void routingCodesAreTheRoutingGroupGroupNotHostedAndReplicaBehind() {
    for (ErrorCode c : ErrorCode.values()) {
      boolean expected =
          c == ErrorCode.NOT_LEADER
              || c == ErrorCode.TABLET_MOVED
              || c == ErrorCode.TABLET_NOT_FOUND
              || c == ErrorCode.RAFT_GROUP_NOT_FOUND
              || c == ErrorCode.REPLICA_BEHIND;
      assertEquals(expected, RetryClassifier.isRoutingCode(c), c.id());
    }
  }
}
