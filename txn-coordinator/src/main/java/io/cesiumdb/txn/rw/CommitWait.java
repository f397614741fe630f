package io.cesiumdb.txn.rw;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;

/**
 * Stage 5: commit wait on this node's clock — the commit is acknowledged only once {@code
 * TT.after(s)}. The coordinator replica already waited before it applied the decision, so this is
 * normally a check that returns at once; it keeps the rule local and visible, whatever the server,
 * and it is what makes a commit settled by its record ({@code TxnStatus}, possibly answered by a
 * replica whose clock stepped) safe to acknowledge. When this node's clock cannot be trusted (its
 * gate refuses, {@code CLOCK_FENCED}), the durable commit is not acknowledged: the participants
 * still learn the outcome, then the commit fails with TXN-7 (outcome unknown to the client).
 */
final class CommitWait implements CommitStage {
  @Override
  public void run(CommitContext c) {
    if (c.plan.isEmpty()) {
      return;
    }
    try {
      c.clock.commitWait(c.commitTs);
    } catch (CesiumException e) {
      c.withheld = TxnErrors.notAcknowledged(c.txnId(), c.commitTs, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CesiumException(
          ErrorCode.UNAVAILABLE,
          "txn " + c.txnId() + " committed at " + c.commitTs + "; interrupted in commit wait");
    }
  }
}
