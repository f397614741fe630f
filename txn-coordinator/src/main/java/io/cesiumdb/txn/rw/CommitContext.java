package io.cesiumdb.txn.rw;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.proto.tablet.TxnContext;
import io.cesiumdb.truetime.TrueTime;
import io.cesiumdb.txn.routing.KeyRouter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the commit stages ({@link CommitPipeline}) share about one transaction's commit: its inputs
 * (router, clock, identity, buffered writes, the tablets it read) and what each stage decided.
 * Confined to the committing thread.
 */
final class CommitContext {
  final KeyRouter router;
  final TrueTime clock;
  final TxnContext txn;
  final Participants readFrom;
  final WriteBuffer buffer;
  final DecisionForgetter forgetter;

  /** BufferWrites: the writes grouped by tablet; empty = a transaction that only read. */
  List<CommitPlan.TabletWrites> plan = List.of();

  /** ChooseCoordinator: the tablet that records the decision, and the other writers. */
  CommitPlan.TabletWrites coordinator;

  List<CommitPlan.TabletWrites> participants = List.of();

  /**
   * Prepare: {@code TT.now().latest} read once every lock was granted (after the lock round); the
   * clock bound of the prepare and commit timestamps. 0 = not read (one tablet).
   */
  long lockedTs;

  /** Prepare: each participant's prepare timestamp, by tablet id. */
  final Map<Long, Long> prepareTs = new LinkedHashMap<>();

  /** ChooseTimestamp: the commit timestamp (for a read-only txn, its last read's). */
  long commitTs;

  /**
   * CommitWait: set when the commit is durable but this node's clock cannot confirm that its
   * timestamp is past (the clock gate closed); the remaining stages still run, then the commit
   * fails with it instead of being acknowledged.
   */
  CesiumException withheld;

  CommitContext(
      KeyRouter router,
      TrueTime clock,
      TxnContext txn,
      Participants readFrom,
      WriteBuffer buffer,
      DecisionForgetter forgetter) {
    this.router = router;
    this.forgetter = forgetter;
    this.clock = clock;
    this.txn = txn;
    this.readFrom = readFrom;
    this.buffer = buffer;
  }

  String txnId() {
    return txn.getTxnId();
  }

  boolean isTwoPhase() {
    return !participants.isEmpty();
  }

  /** Tablets read from that receive no writes: their read locks are released at the end. */
  List<Participants.Participant> readOnlyTablets() {
    List<Participants.Participant> out = new ArrayList<>();
    for (Participants.Participant p : readFrom.all()) {
      if (plan.stream().noneMatch(w -> w.tabletId() == p.tabletId())) {
        out.add(p);
      }
    }
    return out;
  }
}
