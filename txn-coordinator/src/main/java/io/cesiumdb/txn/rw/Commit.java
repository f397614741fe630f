package io.cesiumdb.txn.rw;

import io.cesiumdb.proto.tablet.TxnOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage 6: the decision is durable and past, so the participants learn it: each logs {@code
 * ResolveTxn COMMITTED} at {@code s}, applies its prepared writes there and frees its locks. Sent
 * without waiting (Spanner acknowledges after commit wait too): until a participant has applied it,
 * readers there wait for the prepared transaction, so nobody can miss it; a participant that does
 * not hear asks the coordinator itself (recovery).
 */
final class Commit implements CommitStage {
  private static final Logger LOG = LoggerFactory.getLogger(Commit.class);
  private static final long SLOW_NANOS = 1_000_000_000L;

  @Override
  public void run(CommitContext c) {
    for (CommitPlan.TabletWrites w : c.participants) {
      long sent = System.nanoTime();
      c.router
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
}
