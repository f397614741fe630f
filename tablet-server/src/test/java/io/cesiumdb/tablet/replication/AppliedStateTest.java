package io.cesiumdb.tablet.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.tablet.replication.ReplicaMeta.Applied;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class AppliedStateTest {
  private final AppliedState state = new AppliedState();

  @Test
  void waitersCompleteOnceTheAppliedMaxTimestampReachesThem() {
    CompletableFuture<Void> at10 = state.awaitSafe(10);
    CompletableFuture<Void> at20 = state.awaitSafe(20);
    state.set(new Applied(1, 1, 9), Long.MAX_VALUE);
    assertFalse(at10.isDone());
    state.set(new Applied(1, 2, 10), Long.MAX_VALUE);
    assertTrue(at10.isDone());
    assertFalse(at20.isDone());
    state.set(new Applied(1, 3, 25), Long.MAX_VALUE);
    assertTrue(at20.isDone());
    assertEquals(0, state.waiterCount());
    assertTrue(state.awaitSafe(25).isDone(), "already reached");
  }

  @Test
  void aPreparedTransactionHoldsTheSafeTimeBelowItsPrepareTimestamp() {
    CompletableFuture<Void> at30 = state.awaitSafe(30);
    state.set(new Applied(1, 1, 10), 20);
    assertEquals(10, state.safeTime());
    state.set(new Applied(1, 2, 40), 20);
    assertEquals(19, state.safeTime(), "a write at 40 applied, but the txn prepared at 20 is not");
    assertFalse(at30.isDone());
    state.set(new Applied(1, 3, 40), Long.MAX_VALUE);
    assertEquals(40, state.safeTime());
    assertTrue(at30.isDone());
  }

  @Test
  void failingWaitersReleasesThem() {
    CompletableFuture<Void> w = state.awaitSafe(10);
    state.failWaiters(new IllegalStateException("not leader"));
    assertTrue(w.isCompletedExceptionally());
    assertEquals(0, state.waiterCount());
  }
}
