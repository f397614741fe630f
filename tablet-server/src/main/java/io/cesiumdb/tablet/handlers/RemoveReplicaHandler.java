package io.cesiumdb.tablet.handlers;

import io.cesiumdb.proto.tablet.RemoveReplicaRequest;
import io.cesiumdb.proto.tablet.RemoveReplicaResponse;
import java.util.concurrent.CompletableFuture;

/**
 * RemoveReplica: removes this node's division of the tablet's group (its Raft directory is deleted)
 * and drops the tablet's data range and meta from the node's store. It does not change the group's
 * membership: that is the placement driver's job (a configuration change first, then removal).
 */
public final class RemoveReplicaHandler {
  private final Replicas replicas;

  RemoveReplicaHandler(Replicas replicas) {
    this.replicas = replicas;
  }

  public CompletableFuture<RemoveReplicaResponse> handle(RemoveReplicaRequest request) {
    return Replicas.async(
        () ->
            replicas
                .host()
                .removeReplica(request.getTabletId())
                .thenApply(v -> RemoveReplicaResponse.getDefaultInstance()));
  }
}
