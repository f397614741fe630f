package io.cesiumdb.tablet.replication;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.tablet.ReplicaDescriptor;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.RaftServer;

/**
 * Membership changes and leadership transfer of one tablet group, at its leader, through Ratis'
 * admin API (docs/design/split.md, "Moving replicas").
 *
 * <p>Adding a replica: the new node already runs an empty division (CreateReplica). Before the
 * configuration changes, the leader takes a snapshot, because Ratis sends a bootstrapping peer the
 * leader's latest snapshot if there is one, and otherwise the log from its first entry. A group
 * born at a split has state that its log does not contain (the parent's data), so a new replica
 * must start from a snapshot; with one taken first it always does.
 */
final class GroupChanges {
  private final TabletStateMachine machine;
  private final RaftServer.Division division;
  private final ReplicaServices services;
  private final RaftGroupId groupId;

  GroupChanges(TabletStateMachine machine, RaftServer.Division division, ReplicaServices services) {
    this.machine = machine;
    this.division = division;
    this.services = services;
    this.groupId = division.getMemberId().getGroupId();
  }

  /** Snapshot, then the new peer set; completes with the descriptor once the change committed. */
  CompletableFuture<TabletDescriptor> changeReplicas(List<ReplicaDescriptor> replicas) {
    List<RaftPeer> peers = peers(replicas);
    RaftServer server = division.getRaftServer();
    return server
        .snapshotManagementAsync(services.requests().snapshot(groupId, timeoutMillis()))
        .thenCompose(this::requireSnapshot)
        .thenCompose(v -> setConfiguration(server, peers))
        // The new configuration is committed; this replica may apply it a moment later, so answer
        // with the replica set that was committed rather than the one applied so far.
        .thenApply(
            reply ->
                machine.descriptor().toBuilder().clearReplicas().addAllReplicas(replicas).build())
        .orTimeout(4 * timeoutMillis(), TimeUnit.MILLISECONDS);
  }

  private CompletableFuture<Void> requireSnapshot(RaftClientReply reply) {
    if (!reply.isSuccess() || machine.getLatestSnapshot() == null) {
      return CompletableFuture.failedFuture(
          new CesiumException(
              ErrorCode.UNAVAILABLE,
              "tablet "
                  + machine.tabletId()
                  + ": no snapshot to seed a new replica with yet"
                  + (reply.getException() == null ? "" : " (" + reply.getException() + ")")));
    }
    return CompletableFuture.completedFuture(null);
  }

  private CompletableFuture<RaftClientReply> setConfiguration(
      RaftServer server, List<RaftPeer> peers) {
    try {
      return server
          .setConfigurationAsync(services.requests().setConfiguration(groupId, peers))
          .thenApply(GroupChanges::successful);
    } catch (IOException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * Hands leadership to {@code target}; completes once it took over. The group refuses writes while
   * a transfer runs, so it is bounded by two election timeouts (a caught-up live target wins its
   * election well within that); a target that is gone fails fast with UNAVAILABLE.
   */
  CompletableFuture<Void> transferLeader(String target) {
    long timeout = 2 * services.tuning().electionTimeoutMax().toMillis();
    try {
      return division
          .getRaftServer()
          .transferLeadershipAsync(
              services.requests().transferLeader(groupId, RaftPeerId.valueOf(target), timeout))
          .thenApply(GroupChanges::successful)
          .thenApply(r -> (Void) null)
          .orTimeout(2 * timeout, TimeUnit.MILLISECONDS)
          .exceptionallyCompose(t -> CompletableFuture.failedFuture(transferFailed(target, t)));
    } catch (IOException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private CesiumException transferFailed(String target, Throwable t) {
    Throwable cause =
        t instanceof java.util.concurrent.CompletionException && t.getCause() != null
            ? t.getCause()
            : t;
    if (cause instanceof CesiumException ce) {
      return ce;
    }
    if (cause instanceof org.apache.ratis.protocol.exceptions.NotLeaderException) {
      return RaftErrors.map(cause, leader -> new CesiumException(ErrorCode.NOT_LEADER, "moved"));
    }
    return new CesiumException(
        ErrorCode.UNAVAILABLE,
        "tablet "
            + machine.tabletId()
            + ": leadership transfer to "
            + target
            + " failed: "
            + cause.getMessage(),
        cause);
  }

  private static RaftClientReply successful(RaftClientReply reply) {
    if (!reply.isSuccess()) {
      throw new java.util.concurrent.CompletionException(reply.getException());
    }
    return reply;
  }

  private static List<RaftPeer> peers(List<ReplicaDescriptor> replicas) {
    if (replicas.isEmpty()) {
      throw new CesiumException(ErrorCode.INVALID_ARGUMENT, "a tablet needs at least one replica");
    }
    return replicas.stream()
        .map(
            r -> {
              if (r.getNodeId().isEmpty() || r.getRaftAddress().isEmpty()) {
                throw new CesiumException(
                    ErrorCode.INVALID_ARGUMENT, "replica needs node_id and raft_address: " + r);
              }
              return GroupAdmin.peerOf(r);
            })
        .toList();
  }

  private long timeoutMillis() {
    return services.tuning().operationTimeout().toMillis();
  }
}
