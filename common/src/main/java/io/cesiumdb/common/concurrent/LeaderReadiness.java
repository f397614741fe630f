package io.cesiumdb.common.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * Requests that reached a leader before it was ready (Ratis' "leader ready": the first entry of its
 * term is applied, hence every entry of earlier terms too) wait here instead of failing.
 *
 * <p>Ratis calls {@link #ready()} from {@code notifyLeaderReady} and {@link #lost} from {@code
 * notifyNotLeader}/{@code notifyLeaderChanged}; {@link #await} registers before it checks, so a
 * notification racing with registration is never missed. Waiters are completed on Ratis threads;
 * continuations must hop to another executor.
 */
public final class LeaderReadiness {
  private final List<CompletableFuture<Void>> waiters = new ArrayList<>();

  /** Completes when {@code isReady} holds, now or at the next {@link #ready()}. */
  public CompletableFuture<Void> await(BooleanSupplier isReady) {
    CompletableFuture<Void> waiter = new CompletableFuture<>();
    synchronized (this) {
      waiters.add(waiter);
    }
    if (isReady.getAsBoolean()) {
      waiter.complete(null);
    }
    waiter.whenComplete(
        (v, t) -> {
          synchronized (this) {
            waiters.remove(waiter);
          }
        });
    return waiter;
  }

  public void ready() {
    drain().forEach(f -> f.complete(null));
  }

  public void lost(Throwable cause) {
    drain().forEach(f -> f.completeExceptionally(cause));
  }

  private synchronized List<CompletableFuture<Void>> drain() {
    List<CompletableFuture<Void>> all = new ArrayList<>(waiters);
    waiters.clear();
    return all;
  }
}
