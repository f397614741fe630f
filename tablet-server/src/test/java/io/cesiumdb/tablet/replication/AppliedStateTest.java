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
    CompletableFuture<Void> at10 = state.awaitMaxTs(10);
    CompletableFuture<Void> at20 = state.awaitMaxTs(20);
    state.set(new Applied(1, 1, 9));
    assertFalse(at10.isDone());
    state.set(new Applied(1, 2, 10));
    assertTrue(at10.isDone());
    assertFalse(at20.isDone());
    state.set(new Applied(1, 3, 25));
    assertTrue(at20.isDone());
    assertEquals(0, state.waiterCount());
    assertTrue(state.awaitMaxTs(25).isDone(), "already reached");
  }

  @Test
  void failingWaitersReleasesThem() {
    CompletableFuture<Void> w = state.awaitMaxTs(10);
    state.failWaiters(new IllegalStateException("not leader"));
    assertTrue(w.isCompletedExceptionally());
    assertEquals(0, state.waiterCount());
  }
}
