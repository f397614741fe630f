package io.cesiumdb.tablet.handlers;

import io.cesiumdb.proto.tablet.StatusRequest;
import io.cesiumdb.proto.tablet.StatusResponse;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import io.cesiumdb.tablet.replication.ReplicaInfo;
import io.cesiumdb.tablet.replication.TabletRange;
import io.cesiumdb.tablet.replication.TabletReplica;
import io.cesiumdb.tablet.storage.MvccStore;
import java.util.concurrent.CompletableFuture;

/**
 * Status: what this node's replica of a tablet knows right now (role, leader, term, applied index
 * and timestamp, approximate size, descriptor). Local and immediate; never goes through Raft.
 */
public final class StatusHandler {
  private final Replicas replicas;
  private final MvccStore store;

  StatusHandler(Replicas replicas, MvccStore store) {
    this.replicas = replicas;
    this.store = store;
  }

  public CompletableFuture<StatusResponse> handle(StatusRequest request) {
    return Replicas.async(
        () -> {
          TabletReplica replica = replicas.get(request.getTabletId());
          ReplicaInfo info = replica.info();
          TabletDescriptor d = replica.descriptor();
          long size =
              store.approximateSize(d.getKeyspace(), TabletRange.start(d), TabletRange.end(d));
          return CompletableFuture.completedFuture(
              StatusResponse.newBuilder()
                  .setNodeId(info.nodeId())
                  .setIsLeader(info.leader())
                  .setLeaderNodeId(info.leaderNodeId())
                  .setTerm(info.term())
                  .setAppliedIndex(Math.max(0, info.appliedIndex()))
                  .setAppliedTs(info.appliedMaxTs())
                  .setApproximateSizeBytes(size)
                  .setTablet(d)
                  .build());
        });
  }
}
