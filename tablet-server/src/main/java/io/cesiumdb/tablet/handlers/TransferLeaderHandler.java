package io.cesiumdb.tablet.handlers;

import io.cesiumdb.proto.tablet.TransferLeaderRequest;
import io.cesiumdb.proto.tablet.TransferLeaderResponse;
import java.util.concurrent.CompletableFuture;

/** TransferLeader: at the tablet's leader, hands leadership to another replica of the group. */
public final class TransferLeaderHandler {
  private final Replicas replicas;

  TransferLeaderHandler(Replicas replicas) {
    this.replicas = replicas;
  }

  public CompletableFuture<TransferLeaderResponse> handle(TransferLeaderRequest request) {
    return Replicas.async(
        () ->
            replicas
                .get(request.getTabletId())
                .transferLeader(request.getTargetNodeId())
                .thenApply(v -> TransferLeaderResponse.getDefaultInstance()));
  }
}
