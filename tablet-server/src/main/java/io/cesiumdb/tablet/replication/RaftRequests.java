package io.cesiumdb.tablet.replication;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.ratis.protocol.ClientId;
import org.apache.ratis.protocol.GroupManagementRequest;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientAsynchronousProtocol;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftClientRequest;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.protocol.SetConfigurationRequest;
import org.apache.ratis.protocol.SnapshotManagementRequest;
import org.apache.ratis.protocol.TransferLeadershipRequest;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.thirdparty.com.google.protobuf.UnsafeByteOperations;

/**
 * Builds the in-process Raft requests a node sends to its own divisions, and submits them. There is
 * no {@code RaftClient}: handlers run on the node that hosts the replica, so requests go straight
 * to the local division (the co-located fast path of dependencies.md §2.5) and never cross the
 * network. One client id per node; call ids increase, so Ratis' retry cache never confuses two
 * requests.
 */
final class RaftRequests {
  private final ClientId clientId = ClientId.randomId();
  private final AtomicLong callIds = new AtomicLong();
  private final RaftPeerId self;

  RaftRequests(RaftPeerId self) {
    this.self = self;
  }

  RaftClientRequest write(RaftGroupId groupId, byte[] payload) {
    return builder(groupId)
        .setMessage(Message.valueOf(UnsafeByteOperations.unsafeWrap(payload)))
        .setType(RaftClientRequest.writeRequestType())
        .build();
  }

  /** A linearizable (ReadIndex) read-only request carrying {@code query} in process. */
  RaftClientRequest read(RaftGroupId groupId, Message query) {
    return builder(groupId).setMessage(query).setType(RaftClientRequest.readRequestType()).build();
  }

  /** Asks the division to take a snapshot now (creation gap 1: any new entry is enough). */
  SnapshotManagementRequest snapshot(RaftGroupId groupId, long timeoutMillis) {
    return SnapshotManagementRequest.newCreate(
        clientId, self, groupId, callIds.incrementAndGet(), timeoutMillis, 1);
  }

  /** The group's new full peer set (Ratis joint consensus; new peers catch up first). */
  SetConfigurationRequest setConfiguration(RaftGroupId groupId, List<RaftPeer> peers) {
    return new SetConfigurationRequest(clientId, self, groupId, callIds.incrementAndGet(), peers);
  }

  TransferLeadershipRequest transferLeader(
      RaftGroupId groupId, RaftPeerId target, long timeoutMillis) {
    return new TransferLeadershipRequest(
        clientId, self, groupId, callIds.incrementAndGet(), target, timeoutMillis);
  }

  GroupManagementRequest addGroup(RaftGroup group) {
    return GroupManagementRequest.newAdd(clientId, self, callIds.incrementAndGet(), group, true);
  }

  GroupManagementRequest removeGroup(RaftGroupId groupId) {
    return GroupManagementRequest.newRemove(
        clientId, self, callIds.incrementAndGet(), groupId, true, false);
  }

  /**
   * Submits to the division directly. NB: Ratis' division ({@code RaftServerImpl}, 3.3.0) runs
   * startTransaction and the log append on the calling thread before it returns the reply future;
   * {@link TimestampOracle} relies on that. The fallback through {@code RaftServer} does the same
   * work on the division's client executor and joins it, so the append has also happened by the
   * time it returns.
   */
  CompletableFuture<RaftClientReply> submit(RaftServer.Division division, RaftClientRequest r) {
    try {
      if (division instanceof RaftClientAsynchronousProtocol direct) {
        return direct.submitClientRequestAsync(r);
      }
      return division.getRaftServer().submitClientRequestAsync(r);
    } catch (IOException | RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private RaftClientRequest.Builder builder(RaftGroupId groupId) {
    return RaftClientRequest.newBuilder()
        .setClientId(clientId)
        .setServerId(self)
        .setGroupId(groupId)
        .setCallId(callIds.incrementAndGet());
  }
}
