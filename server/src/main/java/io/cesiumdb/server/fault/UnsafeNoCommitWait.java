package io.cesiumdb.server.fault;

import io.cesiumdb.truetime.TTInterval;
import io.cesiumdb.truetime.TrueTime;

/**
 * A TrueTime whose {@link #commitWait} returns at once: the coordinator's half of the negative
 * control {@code cesium start --unsafe-disable-commit-wait}. It exists only so that the consistency
 * suite can prove it catches the anomaly that commit wait prevents; a node running it is not
 * externally consistent. Every other call goes to the real TrueTime.
 */
public final class UnsafeNoCommitWait implements TrueTime {
  private final TrueTime delegate;

  public UnsafeNoCommitWait(TrueTime delegate) {
    this.delegate = delegate;
  }

  @Override
  public TTInterval now() {
    return delegate.now();
  }

  /** Returns at once: the unsafe part. */
  @Override
  public void commitWait(long t) {
    // Intentionally empty: the negative control skips commit wait.
  }

  @Override
  public long epsilonMicros() {
    return delegate.epsilonMicros();
  }

  @Override
  public String toString() {
    return "UnsafeNoCommitWait[" + delegate + "]";
  }
}
