package io.cesiumdb.tablet.replication.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.apache.ratis.proto.RaftProtos.AppendEntriesRequestProto;
import org.apache.ratis.proto.RaftProtos.InstallSnapshotRequestProto;
import org.apache.ratis.proto.RaftProtos.RaftClientRequestProto;
import org.apache.ratis.proto.RaftProtos.RaftRpcRequestProto;
import org.apache.ratis.proto.RaftProtos.RequestVoteRequestProto;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
import org.junit.jupiter.api.Test;

class RequestorIdsTest {
  private static final RaftRpcRequestProto FROM_N2 =
      RaftRpcRequestProto.newBuilder().setRequestorId(ByteString.copyFromUtf8("n2")).build();

  @Test
  void serverRequestsNameTheirSender() {
    assertEquals(
        "n2",
        RequestorIds.of(AppendEntriesRequestProto.newBuilder().setServerRequest(FROM_N2).build()));
    assertEquals(
        "n2",
        RequestorIds.of(RequestVoteRequestProto.newBuilder().setServerRequest(FROM_N2).build()));
    assertEquals(
        "n2",
        RequestorIds.of(
            InstallSnapshotRequestProto.newBuilder().setServerRequest(FROM_N2).build()));
  }

  @Test
  void clientRequestsAndOtherObjectsHaveNoNodeSender() {
    assertNull(RequestorIds.of(RaftClientRequestProto.newBuilder().setRpcRequest(FROM_N2).build()));
    assertNull(RequestorIds.of(AppendEntriesRequestProto.getDefaultInstance()));
    assertNull(RequestorIds.of("not a message"));
  }
}
