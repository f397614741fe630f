package io.cesiumdb.tablet.handlers;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.tablet.ResolveTxn;
import io.cesiumdb.proto.tablet.ResolveTxnRequest;
import io.cesiumdb.proto.tablet.ResolveTxnResponse;
import io.cesiumdb.proto.tablet.TxnOutcome;
import io.cesiumdb.tablet.replication.TabletReplica;
import io.cesiumdb.tablet.txn.TxnManager;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ResolveTxn, participant side of two-phase commit: logs the outcome (the prepared writes appear at
 * the commit timestamp, or are dropped), then releases the transaction's locks here. Sent by the
 * client after the coordinator decided, and by a participant's recovery; repeating it is harmless.
 */
public final class ResolveTxnHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ResolveTxnHandler.class);
  private static final long SLOW_MILLIS = 1_000;
  private final Replicas replicas;
  private final TxnManager txns;

  ResolveTxnHandler(Replicas replicas, TxnManager txns) {
    this.replicas = replicas;
    this.txns = txns;
  }

  public CompletableFuture<ResolveTxnResponse> handle(ResolveTxnRequest request) {
    return Replicas.async(
        () -> {
          TabletReplica replica = replicas.get(request.getTabletId());
          ResolveTxn resolve = validate(request);
          long started = System.nanoTime();
          return txns.resolve(replica, resolve)
              .whenComplete((v, t) -> logIfSlow(replica, resolve, started, t))
              .thenApply(v -> ResolveTxnResponse.getDefaultInstance());
        });
  }

  private static void logIfSlow(
      TabletReplica replica, ResolveTxn resolve, long started, Throwable failure) {
    long millis = (System.nanoTime() - started) / 1_000_000;
    if (millis >= SLOW_MILLIS) {
      LOG.warn(
          "Tablet {}: ResolveTxn {} of {} took {} ms{}",
          Long.toUnsignedString(replica.tabletId()),
          resolve.getOutcome(),
          resolve.getTxnId(),
          millis,
          failure == null ? "" : " and failed: " + failure);
    }
  }

  private static ResolveTxn validate(ResolveTxnRequest request) {
    if (request.getTxnId().isEmpty() || request.getOutcome() == TxnOutcome.OUTCOME_UNKNOWN) {
      throw new CesiumException(
          ErrorCode.INVALID_ARGUMENT, "ResolveTxn needs a txn_id and an outcome");
    }
    if (request.getOutcome() == TxnOutcome.COMMITTED && request.getCommitTs() <= 0) {
      throw new CesiumException(ErrorCode.INVALID_ARGUMENT, "a commit needs its commit_ts");
    }
    return ResolveTxn.newBuilder()
        .setTxnId(request.getTxnId())
        .setOutcome(request.getOutcome())
        .setCommitTs(request.getCommitTs())
        .build();
  }
}
