package io.cesiumdb.txn.rw;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.txn.routing.KeyRouter;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one open transaction alive: every interval it sends {@code TouchTxn} to the leader of every
 * participant tablet (a leader aborts a transaction idle for 10 s, docs/design/transactions.md §3).
 * A touch answered with a transaction error (wounded, aborted, unknown there) means the locks are
 * gone: the transaction is doomed, and {@code onDoomed} is told once.
 *
 * <p>Runs on the shared scheduler of {@link Transactions}; a tick only starts async calls.
 */
final class Keepalive {
  private static final Logger LOG = LoggerFactory.getLogger(Keepalive.class);

  private final KeyRouter router;
  private final String txnId;
  private final Participants participants;
  private final Consumer<CesiumException> onDoomed;
  private ScheduledFuture<?> task;

  Keepalive(
      KeyRouter router,
      String txnId,
      Participants participants,
      Consumer<CesiumException> onDoomed) {
    this.router = router;
    this.txnId = txnId;
    this.participants = participants;
    this.onDoomed = onDoomed;
  }

  void start(ScheduledExecutorService scheduler, long intervalNanos) {
    task =
        scheduler.scheduleAtFixedRate(
            this::tick, intervalNanos, intervalNanos, TimeUnit.NANOSECONDS);
  }

  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }

  private void tick() {
    for (Participants.Participant p : participants.all()) {
      router
          .touchTxn(p.keyspace(), p.routingKey(), txnId)
          .whenComplete(
              (r, t) -> {
                if (t != null) {
                  onTouchFailed(p, CesiumException.from(t));
                }
              });
    }
  }

  private void onTouchFailed(Participants.Participant p, CesiumException e) {
    if (TxnErrors.isRetryFromStart(e) || e.code() == ErrorCode.TXN_NOT_FOUND) {
      onDoomed.accept(
          new CesiumException(
              TxnErrors.isRetryFromStart(e) ? e.code() : ErrorCode.TXN_ABORTED,
              "txn " + txnId + " lost its locks at tablet " + p.tabletId() + ": " + e.getMessage(),
              e));
      return;
    }
    LOG.debug("TouchTxn {} at tablet {} failed, next tick retries: {}", txnId, p.tabletId(), e);
  }
}
