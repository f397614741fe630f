package io.cesiumdb.pd.service;

import io.cesiumdb.common.concurrent.NamedThreads;
import io.cesiumdb.pd.auth.PasswordHasher;
import io.cesiumdb.proto.placement.UserEntry;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * The member's password hashing, on its own two threads ({@code pd-auth}): a PBKDF2 hash takes a
 * fraction of a second of CPU on purpose, and must not hold up the worker pool that serves reads
 * and completes log submissions. Futures fail (never throw) when the member is closing.
 */
final class Credentials implements AutoCloseable {
  private final PasswordHasher hasher;
  private final ExecutorService pool;

  Credentials(String nodeId, int iterations) {
    this.hasher = new PasswordHasher(new SecureRandom(), iterations);
    this.pool = Executors.newFixedThreadPool(2, new NamedThreads("cesium-" + nodeId + "-pd-auth"));
  }

  /** A new credential (fresh salt) for a user, computed off the caller's thread. */
  CompletableFuture<UserEntry> hash(String name, String password) {
    return async(() -> hasher.hash(name, password));
  }

  /** Whether the password matches; an absent user costs the same and never matches. */
  CompletableFuture<Boolean> verify(Optional<UserEntry> user, String password) {
    return async(
        () ->
            user.isPresent()
                ? hasher.verify(user.get(), password)
                : hasher.verifyUnknown(password));
  }

  private <T> CompletableFuture<T> async(Supplier<T> work) {
    try {
      return CompletableFuture.supplyAsync(work, pool);
    } catch (RejectedExecutionException e) {
      return CompletableFuture.failedFuture(e); // PdErrors maps it to SHUTTING_DOWN
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
