package io.cesiumdb.truetime;

import java.util.concurrent.CompletableFuture;

/**
 * Another node whose clock the {@link ClockOffsetMonitor} compares against. The node RPC layer
 * implements this; tests use fakes over {@link SimulatedClock}s.
 */
public interface ClockPeer {

  /** Returns the peer's node id. */
  String nodeId();

  /**
   * Asks the peer for its {@code TrueTime.now()}, read when the request arrives there. The future
   * fails (or never completes) if the peer cannot be reached; it must not throw synchronously.
   */
  CompletableFuture<TTInterval> sampleClock();
}
