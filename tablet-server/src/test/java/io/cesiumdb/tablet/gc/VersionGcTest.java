package io.cesiumdb.tablet.gc;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.tablet.storage.MvccReadView;
import io.cesiumdb.tablet.storage.MvccSnapshot;
import io.cesiumdb.tablet.storage.MvccStore;
import io.cesiumdb.tablet.storage.MvccWriteBatch;
import io.cesiumdb.tablet.storage.VersionCursor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link VersionGc} case by case, on both engines. Versions print as "key@ts" ("del" = tomb). */
class VersionGcTest {
  private static final long KS = 3;
  private static final long OTHER_KS = 4;

  @TempDir Path dir;
  private MvccStore store;

  @AfterEach
  void closeStore() {
    if (store != null) {
      store.close();
    }
  }

  private void open(Engine engine) {
    store = engine.open(dir.resolve("db"));
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void keepsTheNewestVersionAtOrBelowTheHorizonAndEverythingAbove(Engine engine) {
    open(engine);
    write("k", 10, 20, 30, 40);
    assertEquals(1, gcAndCount(25));
    assertEquals(List.of("k@40", "k@30", "k@20"), versions(store));
    assertEquals(0, gcAndCount(20), "the horizon on a version keeps it");
    assertEquals(0, gcAndCount(29), "a version just above the horizon does not count");
    assertEquals(1, gcAndCount(30));
    assertEquals(List.of("k@40", "k@30"), versions(store));
    assertEquals("k@30", read(store, "k", 30));
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aTombstoneAtOrBelowTheHorizonGoesWithEverythingBelowIt(Engine engine) {
    open(engine);
    write("k", 10, 20);
    tombstone("k", 25);
    write("k", 40);
    tombstone("lone", 5);
    gc(null, null, 30, 100);
    assertEquals(List.of("k@40"), versions(store));
    assertNull(read(store, "k", 30));
    assertEquals("k@40", read(store, "k", 40));
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void versionsAboveTheHorizonAreNeverTouched(Engine engine) {
    open(engine);
    write("k", 10, 20);
    tombstone("k", 15);
    GcResult result = gc(null, null, 9, 100);
    assertEquals(0, result.removed());
    assertTrue(result.done());
    assertEquals(List.of("k@20", "k@15 del", "k@10"), versions(store));
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void onlyTheRangeOfTheKeyspaceIsCollected(Engine engine) {
    open(engine);
    for (String k : List.of("a", "b", "b\u0000", "c")) {
      write(k, 10, 20);
    }
    try (MvccWriteBatch batch = store.newBatch()) {
      store.apply(batch.put(OTHER_KS, b("b"), 10, b("x")).put(OTHER_KS, b("b"), 20, b("y")));
    }
    gc(b("b"), b("c"), 30, 100);
    assertEquals(List.of("a@20", "a@10", "b@20", "b\u0000@20", "c@20", "c@10"), versions(store));
    gc(b("c"), new byte[0], 30, 100);
    assertEquals(List.of("a@20", "a@10", "b@20", "b\u0000@20", "c@20"), versions(store));
    assertEquals(0, gc(b("b"), b("b"), 30, 100).removed(), "an empty range");
    assertEquals(0, gc(b("c"), b("b"), 30, 100).removed(), "an inverted range");
    try (VersionCursor c = store.versions(OTHER_KS, null, null)) {
      c.next();
      assertTrue(c.isValid(), "the other keyspace keeps both versions");
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void boundedBatchesResumeAtTheKeyTheyStoppedIn(Engine engine) {
    open(engine);
    write("a", 1, 2, 3, 4, 5, 6, 7, 8);
    write("b", 1, 2);
    List<String> results = new ArrayList<>();
    byte[] from = null;
    do {
      GcResult r = gc(from, null, 100, 3);
      results.add(r.removed() + " " + (r.resumeKey() == null ? "-" : s(r.resumeKey())));
      from = r.resumeKey();
    } while (from != null);
    assertEquals(List.of("3 a", "3 a", "2 -"), results, "7 of a, then 1 of b");
    assertEquals(List.of("a@8", "b@2"), versions(store));
    write("c", 1, 2, 3, 4);
    assertTrue(gc(null, null, 100, 3).done(), "a budget used up exactly is done");
    assertEquals(List.of("a@8", "b@2", "c@4"), versions(store));
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aCutNeverRemovesATombstoneBeforeTheVersionsItHides(Engine engine) {
    open(engine);
    write("k", 10, 20);
    tombstone("k", 30);
    GcResult first = gc(null, null, 35, 2);
    assertArrayEquals(b("k"), first.resumeKey(), "the budget ran out before the tombstone");
    assertEquals(List.of("k@30 del"), versions(store));
    assertNull(read(store, "k", 35), "still deleted between the batches");
    GcResult second = gc(first.resumeKey(), null, 35, 2);
    assertEquals(1, second.removed());
    assertTrue(second.done());
    assertEquals(List.of(), versions(store));
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aReadThroughASnapshotTakenBeforeGcStillSeesTheOldVersions(Engine engine) {
    open(engine);
    write("k", 10, 20, 30);
    tombstone("t", 5);
    try (MvccSnapshot before = store.snapshot()) {
      gc(null, null, 30, 100);
      assertEquals(List.of("k@30"), versions(store));
      assertNull(read(store, "k", 15), "the live store lost the version at 10");
      assertEquals("k@10", read(before, "k", 15));
      assertEquals("k@20", read(before, "k", 25));
      assertEquals(List.of("k@30", "k@20", "k@10", "t@5 del"), versions(before));
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void nonsenseArgumentsAreRejected(Engine engine) {
    open(engine);
    assertThrows(IllegalArgumentException.class, () -> gc(null, null, -1, 10));
    assertThrows(IllegalArgumentException.class, () -> gc(null, null, 10, 0));
  }

  /** Runs one GC call over [start, end) of KS and applies its batch. */
  private GcResult gc(byte[] start, byte[] end, long horizon, int max) {
    try (MvccWriteBatch batch = store.newBatch()) {
      GcResult result = VersionGc.collect(store, KS, start, end, horizon, batch, max);
      store.apply(batch);
      return result;
    }
  }

  /** Runs GC over all of KS at {@code horizon} in one call; returns how many it removed. */
  private long gcAndCount(long horizon) {
    return gc(null, null, horizon, Integer.MAX_VALUE).removed();
  }

  private void write(String key, long... timestamps) {
    try (MvccWriteBatch batch = store.newBatch()) {
      for (long ts : timestamps) {
        batch.put(KS, b(key), ts, b(key + "@" + ts));
      }
      store.apply(batch);
    }
  }

  private void tombstone(String key, long ts) {
    try (MvccWriteBatch batch = store.newBatch()) {
      store.apply(batch.tombstone(KS, b(key), ts));
    }
  }

  private static String read(MvccReadView view, String key, long ts) {
    return view.read(KS, b(key), ts).map(v -> s(v.value())).orElse(null);
  }

  private static List<String> versions(MvccReadView view) {
    List<String> out = new ArrayList<>();
    try (VersionCursor c = view.versions(KS, null, null)) {
      for (; c.isValid(); c.next()) {
        out.add(s(c.key().userKey()) + "@" + c.key().ts() + (c.isTombstone() ? " del" : ""));
      }
    }
    return out;
  }

  private static byte[] b(String s) {
    return s.getBytes(UTF_8);
  }

  private static String s(byte[] bytes) {
    return new String(bytes, UTF_8);
  }
}
