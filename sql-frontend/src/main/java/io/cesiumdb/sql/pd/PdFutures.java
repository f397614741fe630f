package io.cesiumdb.sql.pd;

import io.cesiumdb.common.error.CesiumException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Waits for a placement-driver future on the caller's (session) thread. Never call from a router
 * callback thread: that thread may be the one that would complete the future.
 */
final class PdFutures {
  private PdFutures() {}

  /** The future's value, or its failure as a {@link CesiumException} (code kept). */
  static <T> T await(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      throw CesiumException.from(e.getCause() != null ? e.getCause() : e);
    }
  }
}
