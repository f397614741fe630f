package io.cesiumdb.txn.rw;

import io.cesiumdb.proto.tablet.TxnOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage 6: the decision is durable and past, so the participants learn it: each logs {@code
 * ResolveTxn COMMITTED} at {@code s}, applies its prepared writes there and frees its locks. Sent
 * without waiting (Spanner acknowledges after commit wait too): until a participant has applied it,
 * readers there wait for the prepared transaction, so nobody can miss it; a participant that does
 * not hear asks the coordinator itself (recovery). Once every participant has acknowledged (at once
 * for a single-tablet commit, which has none), nobody will ask the coordinator about the
 * transaction again, and its decision record is forgotten ({@link DecisionForgetter}).
 */
final class Commit implements CommitStage {
  private static final Logger LOG = LoggerFactory.getLogger(Commit.class);
  private static final long SLOW_NANOS = 1_000_000_000L;

  @Override
  public void run(CommitContext c) {
    List<CompletableFuture<?>> resolves = new ArrayList<>();
    for (CommitPlan.TabletWrites w : c.participants) {
      resolves.add(resolve(c, w));
    }
    if (c.coordinator == null) {
      return; // nothing written: no decision record
    }
    CompletableFuture.allOf(resolves.toArray(CompletableFuture[]::new)).thenRun(() -> forget(c));
  }

  private static void forget(CommitContext c) {
    CommitPlan.TabletWrites coordinator = c.coordinator;
    c.forgetter.forget(
        coordinator.keyspace(), coordinator.tabletId(), coordinator.recordKey(), c.txnId());
  }

  private static CompletableFuture<?> resolve(CommitContext c, CommitPlan.TabletWrites w) {
    long sent = System.nanoTime();
    return c.router
        .resolveTxn(w.keyspace(), w.routingKey(), c.txnId(), TxnOutcome.COMMITTED, c.commitTs)
        .whenComplete(
            (r, t) -> {
              if (t != null) {
                LOG.warn(
                    "ResolveTxn COMMITTED of {} at tablet {} failed; its recovery will ask: {}",
                    c.txnId(),
                    Long.toUnsignedString(w.tabletId()),
                    t.getMessage());
              } else if (System.nanoTime() - sent > SLOW_NANOS) {
                LOG.warn(
                    "ResolveTxn COMMITTED of {} at tablet {} took {} ms",
                    c.txnId(),
                    Long.toUnsignedString(w.tabletId()),
                    (System.nanoTime() - sent) / 1_000_000);
              }
            });
  }
}
