package io.cesiumdb.txn.rw;

import com.google.protobuf.ByteString;
import io.cesiumdb.txn.routing.KeyRouter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects the two-phase commits whose every participant acknowledged {@code ResolveTxn COMMITTED}
 * and asks each coordinator tablet, in one {@code ForgetTxnDecisions} per tablet and interval, to
 * drop their decision records. Safe because only a participant still prepared asks a coordinator
 * about a transaction ({@code TxnStatus}), and an acknowledged resolve is applied there. Best
 * effort: a failed batch is dropped, its records stay (transactions.md §9); so do those of a client
 * that dies before its next flush. Thread-safe; flushes run on the keepalive scheduler.
 */
final class DecisionForgetter {
  private static final Logger LOG = LoggerFactory.getLogger(DecisionForgetter.class);

  /** Ids per request: a batch this large is sent at once rather than at the next tick. */
  static final int MAX_BATCH = 1_000;

  private final KeyRouter router;
  private final Map<Long, Batch> pending = new HashMap<>();

  private record Batch(long keyspace, ByteString routingKey, List<String> txnIds) {}

  DecisionForgetter(KeyRouter router) {
    this.router = router;
  }

  /** Flushes every {@code intervalMillis} on {@code scheduler}. */
  DecisionForgetter startOn(ScheduledExecutorService scheduler, long intervalMillis) {
    scheduler.scheduleWithFixedDelay(
        this::flush, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    return this;
  }

  /** Queues {@code txnId}'s record at coordinator tablet {@code tabletId} (holding the key). */
  void forget(long keyspace, long tabletId, ByteString routingKey, String txnId) {
    Batch full = null;
    synchronized (pending) {
      Batch b =
          pending.computeIfAbsent(
              tabletId, id -> new Batch(keyspace, routingKey, new ArrayList<>()));
      b.txnIds().add(txnId);
      if (b.txnIds().size() >= MAX_BATCH) {
        full = pending.remove(tabletId);
      }
    }
    if (full != null) {
      send(full);
    }
  }

  /** Sends every queued batch (one request per coordinator tablet). */
  void flush() {
    List<Batch> batches;
    synchronized (pending) {
      batches = new ArrayList<>(pending.values());
      pending.clear();
    }
    batches.forEach(this::send);
  }

  private void send(Batch b) {
    router
        .forgetTxnDecisions(b.keyspace(), b.routingKey(), b.txnIds())
        .whenComplete(
            (r, t) -> {
              if (t != null) {
                LOG.debug("{} decision records kept: {}", b.txnIds().size(), t.getMessage());
              }
            });
  }
}
