package io.cesiumdb.server.node;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.common.error.RetryHint;
import io.cesiumdb.tablet.replication.ClockGate;
import io.cesiumdb.truetime.TTInterval;
import io.cesiumdb.truetime.TrueTime;

/**
 * The transaction coordinator's TrueTime: every reading, and every commit wait, is checked against
 * the node's clock gate AFTER it is taken, and refused with {@code CLOCK_FENCED} when the gate is
 * closed. The coordinator turns readings into read-only snapshot timestamps and priorities; a
 * snapshot taken from a clock that just stepped back reads in the past (a stale read), and the
 * reading that revealed the step must not be used either, hence the check after, not before.
 *
 * <p>Rejected: checking in the SQL session before each statement (the clock is read later, by the
 * transaction, and the gap is where a step hides).
 */
final class GatedTrueTime implements TrueTime {
  private final String nodeId;
  private final TrueTime delegate;
  private final ClockGate gate;

  GatedTrueTime(String nodeId, TrueTime delegate, ClockGate gate) {
    this.nodeId = nodeId;
    this.delegate = delegate;
    this.gate = gate;
  }

  @Override
  public TTInterval now() {
    TTInterval now = delegate.now();
    checkGate();
    return now;
  }

  /**
   * Commit wait, checked after it ended: a wait on a clock that stepped forward ends too early in
   * true time, and the step may be revealed only by the readings the wait took.
   */
  @Override
  public void commitWait(long t) throws InterruptedException {
    delegate.commitWait(t);
    checkGate();
  }

  private void checkGate() {
    gate.refusal()
        .ifPresent(
            why -> {
              throw CesiumException.retry(
                  ErrorCode.CLOCK_FENCED,
                  "node " + nodeId + " refuses timestamps: " + why,
                  new RetryHint.ClockFenced(nodeId, why));
            });
  }

  @Override
  public long epsilonMicros() {
    return delegate.epsilonMicros();
  }

  @Override
  public String toString() {
    return "GatedTrueTime[" + delegate + "]";
  }
}
