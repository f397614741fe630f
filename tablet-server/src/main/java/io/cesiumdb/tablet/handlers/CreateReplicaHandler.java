package io.cesiumdb.tablet.handlers;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.tablet.CreateReplicaRequest;
import io.cesiumdb.proto.tablet.CreateReplicaResponse;
import io.cesiumdb.proto.tablet.ReplicaDescriptor;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * CreateReplica: adds this node's division of the tablet's Raft group, as the descriptor describes
 * it (peer id = node id, address = raft_address). Idempotent. The group elects a leader once a
 * majority of its replicas exist; the response does not wait for that.
 */
public final class CreateReplicaHandler {
  private final Replicas replicas;

  CreateReplicaHandler(Replicas replicas) {
    this.replicas = replicas;
  }

  public CompletableFuture<CreateReplicaResponse> handle(CreateReplicaRequest request) {
    return Replicas.async(
        () -> {
          TabletDescriptor d = request.getTablet();
          validate(d, replicas.host().nodeId());
          return replicas
              .host()
              .createReplica(d)
              .thenApply(v -> CreateReplicaResponse.getDefaultInstance());
        });
  }

  static void validate(TabletDescriptor d, String selfNodeId) {
    if (d.getTabletId() == Long.MAX_VALUE || d.getKeyspace() == Long.MAX_VALUE) {
      throw invalid("tablet id and keyspace Long.MAX_VALUE are reserved");
    }
    if (!d.getEndKey().isEmpty()
        && java.util.Arrays.compareUnsigned(
                d.getStartKey().toByteArray(), d.getEndKey().toByteArray())
            >= 0) {
      throw invalid("empty key range");
    }
    Set<String> nodes = new HashSet<>();
    for (ReplicaDescriptor r : d.getReplicasList()) {
      if (r.getNodeId().isEmpty() || r.getRaftAddress().isEmpty() || !nodes.add(r.getNodeId())) {
        throw invalid("every replica needs a distinct node_id and a raft_address: " + r);
      }
    }
    if (!nodes.contains(selfNodeId)) {
      throw invalid("descriptor does not list this node (" + selfNodeId + ") as a replica");
    }
  }

  private static CesiumException invalid(String message) {
    return new CesiumException(ErrorCode.INVALID_ARGUMENT, message);
  }
}
