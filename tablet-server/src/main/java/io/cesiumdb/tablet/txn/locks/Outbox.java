package io.cesiumdb.tablet.txn.locks;

import io.cesiumdb.common.error.CesiumException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one table call decided under the monitor and must do after leaving it: complete or fail
 * futures and tell the listener. Running these outside the monitor keeps callers' continuations
 * (which may call back into the table, or do I/O) from running under it.
 */
final class Outbox {
  private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

  private final WoundListener listener;
  private final List<Runnable> actions = new ArrayList<>();

  Outbox(WoundListener listener) {
    this.listener = listener;
  }

  void grant(CompletableFuture<Void> f) {
    actions.add(() -> f.complete(null));
  }

  void fail(CompletableFuture<Void> f, CesiumException e) {
    actions.add(() -> f.completeExceptionally(e));
  }

  void mustAbort(String txnId, CesiumException reason) {
    actions.add(() -> notifyListener(txnId, reason));
  }

  /** Runs everything, in the order it was decided. Call without holding the monitor. */
  void run() {
    for (Runnable action : actions) {
      action.run();
    }
    actions.clear();
  }

  private void notifyListener(String txnId, CesiumException reason) {
    try {
      listener.mustAbort(txnId, reason);
    } catch (RuntimeException e) {
      LOG.warn("wound listener failed for txn {}", txnId, e);
    }
  }
}
