package io.cesiumdb.txn.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class LeaderCacheTest {
  private final LeaderCache cache = new LeaderCache();
  private final Endpoint n1 = new Endpoint("n1", "h:1");
  private final Endpoint n2 = new Endpoint("n2", "h:2");

  @Test
  void aHintReplacesTheCachedLeader() {
    cache.update(7, n1);
    cache.update(7, n2);
    assertEquals(Optional.of(n2), cache.get(7));
    assertEquals(Optional.empty(), cache.get(8));
  }

  @Test
  void aFailureRemovesTheLeaderOnlyIfItIsStillTheOneThatFailed() {
    cache.update(7, n2); // a concurrent request already learned the new leader
    assertFalse(cache.invalidate(7, n1.address()));
    assertEquals(Optional.of(n2), cache.get(7));

    assertTrue(cache.invalidate(7, n2.address()));
    assertEquals(Optional.empty(), cache.get(7));
    assertEquals(0, cache.size());
  }

  @Test
  void aMovedTabletForgetsItsLeader() {
    cache.update(7, n1);
    cache.invalidate(7);
    assertEquals(Optional.empty(), cache.get(7));
  }
}
