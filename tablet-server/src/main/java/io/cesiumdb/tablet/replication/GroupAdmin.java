package io.cesiumdb.tablet.replication;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.tablet.ReplicaDescriptor;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import io.cesiumdb.tablet.storage.MvccStore;
import io.cesiumdb.tablet.storage.MvccWriteBatch;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.ratis.protocol.GroupManagementRequest;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.exceptions.AlreadyExistsException;
import org.apache.ratis.server.RaftServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds and removes this node's division of a tablet group through Ratis group management. Runs on
 * the host's single admin thread, so creations and removals never interleave.
 *
 * <p>Create: (1) one store batch wipes whatever an earlier incarnation of the tablet left (data
 * range and meta, e.g. after a crash during removal) and writes the descriptor; (2) Ratis adds the
 * group with FORMAT, which creates {@code raft/<group>/} and calls the state machine's {@code
 * initialize}, which reads the descriptor back. Remove: Ratis closes the division and deletes its
 * directory, then one batch drops the tablet's data range and meta.
 */
final class GroupAdmin {
  private static final Logger LOG = LoggerFactory.getLogger(GroupAdmin.class);

  private final RaftServer server;
  private final MvccStore store;
  private final RaftRequests requests;
  private final TabletRegistry registry;
  private final Map<Long, RaftServer.Division> divisions;

  GroupAdmin(
      RaftServer server,
      MvccStore store,
      RaftRequests requests,
      TabletRegistry registry,
      Map<Long, RaftServer.Division> divisions) {
    this.server = server;
    this.store = store;
    this.requests = requests;
    this.registry = registry;
    this.divisions = divisions;
  }

  void create(TabletDescriptor d) throws IOException {
    long tabletId = d.getTabletId();
    if (divisions.containsKey(tabletId)) {
      return; // idempotent: the router may retry a create that succeeded
    }
    RaftGroup group = groupOf(d);
    reset(d, true);
    manage(requests.addGroup(group), tabletId);
    divisions.put(tabletId, server.getDivision(group.getGroupId()));
    LOG.info("Created replica of tablet {} in group {}", tabletId, group);
  }

  /**
   * Starts this node's division of a tablet born at a split of {@code parentTabletId}: its
   * descriptor and starting position are already in the store (written by the split's batch), so
   * unlike {@link #create} nothing is reset. Then the parent's hand-over note is dropped.
   */
  void adopt(long parentTabletId, TabletDescriptor right) throws IOException {
    long tabletId = right.getTabletId();
    if (!divisions.containsKey(tabletId)) {
      RaftGroup group = groupOf(right);
      manage(requests.addGroup(group), tabletId);
      divisions.put(tabletId, server.getDivision(group.getGroupId()));
      LOG.info(
          "Started split-born tablet {} (from {}) in group {}", tabletId, parentTabletId, group);
    }
    registry.get(parentTabletId).ifPresent(TabletStateMachine::forgetSplitChild);
  }

  void remove(long tabletId) throws IOException {
    RaftServer.Division division = divisions.remove(tabletId);
    if (division == null) {
      throw new CesiumException(ErrorCode.TABLET_NOT_FOUND, "no replica of tablet " + tabletId);
    }
    TabletDescriptor d =
        registry.get(tabletId).flatMap(TabletStateMachine::knownDescriptor).orElse(null);
    try {
      manage(requests.removeGroup(groupId(tabletId)), tabletId);
    } finally {
      registry.remove(tabletId);
    }
    if (d != null) {
      reset(d, false);
    }
    LOG.info("Removed replica of tablet {}", tabletId);
  }

  /** Runs one group-management request to completion; an add of an existing group succeeds. */
  private void manage(GroupManagementRequest request, long tabletId) throws IOException {
    RaftClientReply reply;
    try {
      reply = server.groupManagementAsync(request).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("group management of tablet " + tabletId);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof AlreadyExistsException) {
        return;
      }
      throw RaftErrors.map(e.getCause(), leader -> unavailable(tabletId));
    }
    if (!reply.isSuccess()) {
      throw RaftErrors.map(reply.getException(), leader -> unavailable(tabletId));
    }
  }

  /** The Raft group of a tablet: one {@link #peerOf} per replica. */
  static RaftGroup groupOf(TabletDescriptor d) {
    List<RaftPeer> peers = d.getReplicasList().stream().map(GroupAdmin::peerOf).toList();
    return RaftGroup.valueOf(groupId(d.getTabletId()), peers);
  }

  /**
   * A replica as a Raft peer: id = node id, address = the node's Ratis address, client address =
   * its tablet RPC address. The client address rides in every configuration entry, so a replica
   * that applies a membership change knows how clients reach a member it never heard of ({@link
   * ConfigurationDescriptors}); nothing here uses a Ratis client, so Ratis itself never dials it.
   */
  static RaftPeer peerOf(ReplicaDescriptor r) {
    return RaftPeer.newBuilder()
        .setId(r.getNodeId())
        .setAddress(address(r))
        .setClientAddress(r.getTabletAddress())
        .build();
  }

  private void reset(TabletDescriptor d, boolean writeDescriptor) {
    try (MvccWriteBatch batch = store.newBatch()) {
      batch.deleteRange(d.getKeyspace(), TabletRange.start(d), TabletRange.end(d));
      ReplicaMeta.clear(batch, d.getTabletId());
      if (writeDescriptor) {
        ReplicaMeta.writeDescriptor(batch, d);
      }
      store.apply(batch);
    }
  }

  private static String address(ReplicaDescriptor r) {
    if (r.getRaftAddress().isEmpty()) {
      throw new CesiumException(
          ErrorCode.INVALID_ARGUMENT, "replica on " + r.getNodeId() + " has no raft_address");
    }
    return r.getRaftAddress();
  }

  private static RaftGroupId groupId(long tabletId) {
    return TabletGroupIds.groupId(tabletId);
  }

  private static CesiumException unavailable(long tabletId) {
    return new CesiumException(ErrorCode.UNAVAILABLE, "group of tablet " + tabletId + " busy");
  }
}
