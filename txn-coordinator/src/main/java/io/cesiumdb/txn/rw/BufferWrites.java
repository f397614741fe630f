package io.cesiumdb.txn.rw;

import io.cesiumdb.common.error.CesiumException;

/** Stage 1: the buffered writes, grouped by the tablet that holds each key. */
final class BufferWrites implements CommitStage {
  @Override
  public void run(CommitContext c) {
    try {
      c.plan = CommitPlan.group(c.router, c.buffer);
    } catch (CesiumException e) {
      Participants.release(c.router, c.txnId(), c.readFrom.all());
      throw e;
    }
  }
}
