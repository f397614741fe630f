package io.cesiumdb.tablet.gc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.tablet.storage.MvccStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link RandomizedGcCheck} on both engines, the same histories removed identically by both (the
 * determinism replicas rely on), and the negative control: one removal too many must be caught.
 */
class VersionGcRandomizedTest {
  private static final long[] SEEDS = {1, 2, 3, 4, 5, 6, 7, 8, 42, 20260101};

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Engine.class)
  void readsFromTheHorizonUpAreUnchangedAndWhatIsLeftIsMinimal(Engine engine) {
    int cutBatches = 0;
    int removals = 0;
    for (long seed : SEEDS) {
      try (MvccStore store = engine.open(dir.resolve("seed-" + seed))) {
        RandomizedGcCheck check = new RandomizedGcCheck(store, seed);
        check.run();
        cutBatches += check.cutBatches();
        removals += check.removals();
      }
    }
    assertTrue(cutBatches >= 5, "bounded batches resumed only " + cutBatches + " times");
    assertTrue(removals >= 100, "only " + removals + " versions removed in all");
  }

  @ParameterizedTest(name = "seed={0}")
  @ValueSource(longs = {11, 12, 13})
  void bothEnginesRemoveTheSameVersionsInTheSameBatches(long seed) {
    try (MvccStore memory = Engine.IN_MEMORY.open(dir.resolve("memory"));
        MvccStore rocks = Engine.ROCKS.open(dir.resolve("rocks"))) {
      List<String> expected = new RandomizedGcCheck(memory, seed).run();
      assertEquals(expected, new RandomizedGcCheck(rocks, seed).run(), "seed " + seed);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void removingOneVersionTooManyIsCaught(Engine engine) {
    int caught = 0;
    for (long seed = 1; seed <= 20; seed++) {
      try (MvccStore store = engine.open(dir.resolve("control-" + seed))) {
        RandomizedGcCheck check = new RandomizedGcCheck(store, seed);
        check.populate();
        check.collect();
        check.verify();
        Optional<String> removed = check.removeOneKeptVersion();
        if (removed.isPresent()) {
          assertThrows(AssertionError.class, check::verify, removed.get());
          caught++;
        }
      }
    }
    assertTrue(caught >= 10, "only " + caught + " of 20 seeds left a version to remove");
  }
}
