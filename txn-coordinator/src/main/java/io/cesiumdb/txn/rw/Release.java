package io.cesiumdb.txn.rw;

/**
 * Stage 7: tablets that were only read release the transaction's shared locks — after the commit
 * point, as strict two-phase locking requires (a transaction with no writes releases them here too,
 * and its "commit timestamp" is its last read's).
 */
final class Release implements CommitStage {
  @Override
  public void run(CommitContext c) {
    Participants.release(c.router, c.txnId(), c.readOnlyTablets());
  }
}
