package io.cesiumdb.tablet.handlers;

import io.cesiumdb.proto.tablet.ChangeReplicasRequest;
import io.cesiumdb.proto.tablet.ChangeReplicasResponse;
import java.util.concurrent.CompletableFuture;

/**
 * ChangeReplicas: at the tablet's leader, changes the group's replica set by a Ratis membership
 * change. New replicas must already run an (empty) division, created by CreateReplica with the new
 * set; they start from a snapshot the leader takes first. Removed replicas keep their data until
 * RemoveReplica.
 */
public final class ChangeReplicasHandler {
  private final Replicas replicas;

  ChangeReplicasHandler(Replicas replicas) {
    this.replicas = replicas;
  }

  public CompletableFuture<ChangeReplicasResponse> handle(ChangeReplicasRequest request) {
    return Replicas.async(
        () ->
            replicas
                .get(request.getTabletId())
                .changeReplicas(request.getReplicasList())
                .thenApply(d -> ChangeReplicasResponse.newBuilder().setTablet(d).build()));
  }
}
