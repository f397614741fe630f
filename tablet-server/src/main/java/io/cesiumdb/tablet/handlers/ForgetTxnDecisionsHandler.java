package io.cesiumdb.tablet.handlers;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.tablet.ForgetTxnDecisionsRequest;
import io.cesiumdb.proto.tablet.ForgetTxnDecisionsResponse;
import io.cesiumdb.tablet.replication.TabletReplica;
import java.util.concurrent.CompletableFuture;

/**
 * ForgetTxnDecisions, at the tablet that recorded the decisions (a 2PC coordinator, or the only
 * tablet of a single-tablet commit): replicates the removal of decision records (leader only; one
 * log entry for the whole batch). The client sends it for transactions whose every participant
 * acknowledged the outcome. Repeating it, or naming a transaction this tablet has no record of, is
 * harmless.
 */
public final class ForgetTxnDecisionsHandler {
  /** Most ids in one request: keeps the log entry well below the entry size limit. */
  static final int MAX_IDS = 10_000;

  private final Replicas replicas;

  ForgetTxnDecisionsHandler(Replicas replicas) {
    this.replicas = replicas;
  }

  public CompletableFuture<ForgetTxnDecisionsResponse> handle(ForgetTxnDecisionsRequest request) {
    return Replicas.async(
        () -> {
          TabletReplica replica = replicas.get(request.getTabletId());
          validate(request);
          return replica
              .forgetDecisions(request.getTxnIdsList())
              .thenApply(r -> ForgetTxnDecisionsResponse.getDefaultInstance());
        });
  }

  private static void validate(ForgetTxnDecisionsRequest request) {
    int n = request.getTxnIdsCount();
    if (n == 0 || n > MAX_IDS || request.getTxnIdsList().stream().anyMatch(String::isEmpty)) {
      throw new CesiumException(
          ErrorCode.INVALID_ARGUMENT,
          "ForgetTxnDecisions needs 1 to " + MAX_IDS + " non-empty txn ids, got " + n);
    }
  }
}
