package io.cesiumdb.txn.rw;

import io.cesiumdb.common.error.AbortReason;
import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.proto.tablet.PrepareTxnResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Stage 3, for a commit that involves more than one tablet (one tablet checks its own locks in its
 * commit), in two rounds:
 *
 * <ol>
 *   <li><b>Lock</b>: every writing tablet, the coordinator included, takes the EXCLUSIVE locks of
 *       its writes ({@code lock_only}); the transaction stays woundable. Only once it holds every
 *       lock may it become unwoundable anywhere: a prepared transaction that still waited for a
 *       lock elsewhere could close a wait cycle that wound-wait cannot break.
 *   <li><b>Clock</b>: {@code TT.now().latest} is read here, once every lock is held; it bounds the
 *       prepare and commit timestamps from below (Spanner's start rule), so commit wait runs while
 *       the prepares replicate.
 *   <li><b>Prepare</b>: every participant (a writing tablet other than the coordinator) logs a
 *       prepare record naming the coordinator and answers its prepare timestamp; every tablet the
 *       transaction only read validates and pins its read locks (wounded there, or lost with a
 *       leader change: the transaction must not commit).
 * </ol>
 *
 * Any failure (wounded, timed out, moved) aborts the transaction: participants are resolved ABORTED
 * (one whose prepare timed out may have logged it) and every lock is released; the error is
 * retryable.
 */
final class Prepare implements CommitStage {
  @Override
  public void run(CommitContext c) {
    List<Participants.Participant> readOnly = c.readOnlyTablets();
    if (c.plan.size() + readOnly.size() <= 1) {
      return;
    }
    Map<Long, CompletableFuture<PrepareTxnResponse>> locks = new LinkedHashMap<>();
    for (CommitPlan.TabletWrites w : c.plan) {
      locks.put(
          w.tabletId(),
          c.router.lockForCommit(
              w.keyspace(),
              c.txn,
              w.mutations(),
              c.readFrom.readTermOf(w.tabletId()),
              c.coordinator.descriptor()));
    }
    awaitAll(c, locks);
    c.lockedTs = lockedNow(c);
    Map<Long, CompletableFuture<PrepareTxnResponse>> prepares = new LinkedHashMap<>();
    for (Participants.Participant p : readOnly) {
      prepares.put(
          p.tabletId(), c.router.validateReads(p.keyspace(), p.routingKey(), c.txn, p.readTerm()));
    }
    for (CommitPlan.TabletWrites w : c.participants) {
      prepares.put(
          w.tabletId(),
          c.router.prepareTxn(
              w.keyspace(),
              c.txn,
              w.mutations(),
              c.readFrom.readTermOf(w.tabletId()),
              c.coordinator.descriptor(),
              c.lockedTs));
    }
    for (Map.Entry<Long, Long> e : awaitAll(c, prepares).entrySet()) {
      if (e.getValue() > 0) {
        c.prepareTs.put(e.getKey(), e.getValue());
      }
    }
  }

  /**
   * {@code TT.now().latest}, read now that every lock is held: the start rule's clock bound for the
   * prepare and commit timestamps. Every conflicting transaction released its lock, after its
   * commit wait, before this reading, so its timestamp is below it; reading it here rather than at
   * each leader lets commit wait run during the prepare round (transactions.md §3.6).
   */
  private static long lockedNow(CommitContext c) {
    try {
      return c.clock.now().latest();
    } catch (CesiumException fenced) {
      Aborts.everywhere(c);
      throw fenced;
    }
  }

  /** Every answer's timestamp by tablet; on any failure, aborts everywhere and throws. */
  private static Map<Long, Long> awaitAll(
      CommitContext c, Map<Long, CompletableFuture<PrepareTxnResponse>> calls) {
    Map<Long, Long> out = new LinkedHashMap<>();
    List<CesiumException> failures = new ArrayList<>();
    for (Map.Entry<Long, CompletableFuture<PrepareTxnResponse>> e : calls.entrySet()) {
      try {
        out.put(e.getKey(), TxnErrors.await(e.getValue()).getPrepareTs());
      } catch (CesiumException failure) {
        failures.add(failure);
      }
    }
    if (!failures.isEmpty()) {
      Aborts.everywhere(c);
      throw Aborts.asAbort(c, failures.get(0), AbortReason.PREPARE_FAILED);
    }
    return out;
  }
}
