package io.cesiumdb.tablet.handlers;

import com.google.protobuf.ByteString;
import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.tablet.SplitRequest;
import io.cesiumdb.proto.tablet.SplitResponse;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import io.cesiumdb.tablet.replication.TabletMoves;
import io.cesiumdb.tablet.replication.TabletReplica;
import io.cesiumdb.tablet.replication.apply.SplitRangeHandler;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Split: at the tablet's leader, replicates a {@code SplitRange} through the tablet's group (see
 * docs/design/split.md) and answers both halves. Idempotent for the same right-hand tablet id, so
 * the placement driver may retry after a timeout. An empty split key means "near the middle of the
 * data" ({@link MiddleKey}).
 */
public final class SplitHandler {
  private final Replicas replicas;

  SplitHandler(Replicas replicas) {
    this.replicas = replicas;
  }

  public CompletableFuture<SplitResponse> handle(SplitRequest request) {
    return Replicas.async(
        () -> {
          TabletReplica replica = replicas.get(request.getTabletId());
          long rightId = request.getRightTabletId();
          if (rightId == 0 || rightId == request.getTabletId()) {
            throw new CesiumException(ErrorCode.INVALID_ARGUMENT, "bad right_tablet_id " + rightId);
          }
          Optional<TabletDescriptor> done = replicas.host().knownDescriptor(rightId);
          if (done.isPresent()) {
            return CompletableFuture.completedFuture(response(replica.descriptor(), done.get()));
          }
          if (!replica.isLeader()) {
            throw replica.notLeader();
          }
          if (!replica.prepared().isEmpty()) {
            throw new CesiumException(
                ErrorCode.UNAVAILABLE,
                "tablet "
                    + Long.toUnsignedString(request.getTabletId())
                    + " holds prepared transactions; split it once they are resolved");
          }
          TabletDescriptor before = replica.descriptor();
          ByteString key = splitKey(request, replica, before);
          return replica
              .split(key, rightId)
              .thenApply(
                  r ->
                      response(
                          replica.descriptor(),
                          replicas
                              .host()
                              .knownDescriptor(rightId)
                              .orElseGet(() -> SplitRangeHandler.right(before, key, rightId))));
        });
  }

  private static ByteString splitKey(
      SplitRequest request, TabletReplica replica, TabletDescriptor d) {
    ByteString key =
        request.getSplitKey().isEmpty()
            ? MiddleKey.of(replica.store(), d, replica.safeTime())
            : request.getSplitKey();
    TabletMoves.requireInRange(d, key);
    if (!SplitRangeHandler.strictlyInside(d, key)) {
      throw new CesiumException(
          ErrorCode.INVALID_ARGUMENT, "the split key must lie strictly after the tablet's start");
    }
    return key;
  }

  private static SplitResponse response(TabletDescriptor left, TabletDescriptor right) {
    return SplitResponse.newBuilder().setLeft(left).setRight(right).build();
  }
}
