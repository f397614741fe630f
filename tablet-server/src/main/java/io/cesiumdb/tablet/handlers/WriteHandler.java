package io.cesiumdb.tablet.handlers;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.tablet.Mutation;
import io.cesiumdb.proto.tablet.WriteRequest;
import io.cesiumdb.proto.tablet.WriteResponse;
import io.cesiumdb.tablet.replication.TabletMoves;
import io.cesiumdb.tablet.replication.TabletReplica;
import java.util.concurrent.CompletableFuture;

/**
 * Write: a batch of puts and deletes that become visible together at one commit timestamp, which
 * the leader assigns. Validated here (non-empty, every key in the tablet, every mutation with an
 * op, at most {@code maxWriteBytes} serialized: one Raft entry) and then replicated. The response
 * carries the commit timestamp and the log index once a majority has the entry and the leader
 * applied it. A RAFT_TIMEOUT leaves the outcome unknown.
 */
public final class WriteHandler {
  private final Replicas replicas;
  private final int maxWriteBytes;

  WriteHandler(Replicas replicas, int maxWriteBytes) {
    this.replicas = replicas;
    this.maxWriteBytes = maxWriteBytes;
  }

  public CompletableFuture<WriteResponse> handle(WriteRequest request) {
    return Replicas.async(
        () -> {
          TabletReplica replica = replicas.get(request.getTabletId());
          validate(request, replica);
          return replica
              .write(request.getMutationsList())
              .thenApply(
                  r ->
                      WriteResponse.newBuilder()
                          .setCommitTs(r.commitTs())
                          .setLogIndex(r.logIndex())
                          .build());
        });
  }

  private void validate(WriteRequest request, TabletReplica replica) {
    if (request.getMutationsCount() == 0) {
      throw new CesiumException(ErrorCode.INVALID_ARGUMENT, "a write needs at least one mutation");
    }
    if (request.getSerializedSize() > maxWriteBytes) {
      throw new CesiumException(
          ErrorCode.INVALID_ARGUMENT,
          "write of "
              + request.getSerializedSize()
              + " bytes exceeds the limit of "
              + maxWriteBytes);
    }
    for (Mutation m : request.getMutationsList()) {
      if (m.getOpCase() == Mutation.OpCase.OP_NOT_SET) {
        throw new CesiumException(ErrorCode.INVALID_ARGUMENT, "mutation without put or delete");
      }
      TabletMoves.requireInRange(replica.descriptor(), m.getKey());
    }
  }
}
