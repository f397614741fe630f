package io.cesiumdb.tablet.storage;

import static io.cesiumdb.tablet.storage.StoreOps.deleteRange;
import static io.cesiumdb.tablet.storage.StoreOps.meta;
import static io.cesiumdb.tablet.storage.StoreOps.put;
import static io.cesiumdb.tablet.storage.StoreOps.putMeta;
import static io.cesiumdb.tablet.storage.StoreOps.read;
import static io.cesiumdb.tablet.storage.StoreOps.scanKeys;
import static io.cesiumdb.tablet.storage.StoreOps.tombstone;
import static io.cesiumdb.tablet.storage.TestBytes.b;
import static io.cesiumdb.tablet.storage.TestBytes.bytes;
import static io.cesiumdb.tablet.storage.TestBytes.keys;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The conformance suite every {@link MvccStore} engine must pass (style.md example 7). Subclasses
 * supply {@link #newStore()}; each call must return an independent, empty store.
 *
 * <p>Deterministic cases come first, then export/import, then the seeded comparison with {@link
 * MvccModel} ({@link RandomizedMvccCheck}) and the concurrency check ({@link
 * ConcurrentBatchCheck}). Single-version primitives (deleteVersion, versions) are in {@link
 * VersionContract}, mixed in. The file is longer than the house guideline because it is the whole
 * engine contract in one place.
 */
abstract class AbstractMvccStoreTest implements VersionContract {
  static final long KS = 1;
  static final long OTHER_KS = 2;
  static final long TABLET = 11;

  private final List<MvccStore> opened = new ArrayList<>();
  protected MvccStore store;
  @TempDir Path exportDir;

  /** Returns a new, empty, independent store. */
  protected abstract MvccStore newStore();

  /** Returns a new store that {@link #closeStores} closes after the test. */
  protected MvccStore openStore() {
    MvccStore s = newStore();
    opened.add(s);
    return s;
  }

  @Override
  public MvccStore store() {
    return store;
  }

  @BeforeEach
  void openMainStore() {
    store = openStore();
  }

  @AfterEach
  void closeStores() {
    opened.forEach(MvccStore::close);
  }

  @Test
  void readReturnsNewestVersionAtOrBelowTs() {
    put(store, KS, "k", 10, "v10");
    put(store, KS, "k", 30, "v30");
    put(store, KS, "k", 20, "v20");

    assertNull(read(store, KS, "k", 9));
    assertEquals("v10", read(store, KS, "k", 10));
    assertEquals("v10", read(store, KS, "k", 19));
    assertEquals("v20", read(store, KS, "k", 20));
    assertEquals("v20", read(store, KS, "k", 29));
    assertEquals("v30", read(store, KS, "k", Long.MAX_VALUE));
    assertEquals(20, store.read(KS, b("k"), 25).orElseThrow().ts());
    assertNull(read(store, KS, "other", Long.MAX_VALUE));
  }

  @Test
  void versionAtTimestampZeroAndEmptyValueAreOrdinaryVersions() {
    put(store, KS, "k", 0, "");
    Optional<VersionedValue> read = store.read(KS, b("k"), 0);
    assertTrue(read.isPresent(), "an empty value is a put, not a tombstone");
    assertArrayEquals(new byte[0], read.get().value());
    assertEquals(0, read.get().ts());
  }

  @Test
  void tombstoneHidesAndALaterPutResurrects() {
    put(store, KS, "k", 10, "old");
    tombstone(store, KS, "k", 20);
    put(store, KS, "k", 30, "new");

    assertEquals("old", read(store, KS, "k", 19));
    assertNull(read(store, KS, "k", 20));
    assertNull(read(store, KS, "k", 29));
    assertEquals("new", read(store, KS, "k", 30));
  }

  @Test
  void keysThatArePrefixesOrHoldZeroAndFfBytesStayDistinct() {
    List<byte[]> keys =
        List.of(
            bytes(),
            bytes(0x00),
            bytes(0x00, 0x00),
            bytes(0x00, 0x01),
            bytes(0x00, 0xFF),
            bytes(0x61),
            bytes(0x61, 0x00),
            bytes(0x61, 0x00, 0x01),
            bytes(0x61, 0x01),
            bytes(0x61, 0x62),
            bytes(0xFF),
            bytes(0xFF, 0xFF));
    try (MvccWriteBatch batch = store.newBatch()) {
      for (int i = 0; i < keys.size(); i++) {
        batch.put(KS, keys.get(i), 10 + i, bytes(i));
      }
      store.apply(batch);
    }
    for (int i = 0; i < keys.size(); i++) {
      VersionedValue v = store.read(KS, keys.get(i), Long.MAX_VALUE).orElseThrow();
      assertArrayEquals(bytes(i), v.value(), "key " + TestBytes.hex(keys.get(i)));
      assertEquals(10 + i, v.ts());
    }
    assertTrue(store.read(KS, bytes(0x61, 0x00, 0x00), Long.MAX_VALUE).isEmpty());
    List<VersionedValue> rows = store.scan(KS, null, null, Long.MAX_VALUE, 100).rows();
    assertEquals(keys.size(), rows.size());
    for (int i = 0; i < keys.size(); i++) {
      assertArrayEquals(keys.get(i), rows.get(i).key(), "scan is in unsigned byte order");
    }
  }

  @Test
  void theSameKeyInTwoKeyspacesIsIsolated() {
    put(store, KS, "k", 10, "one");
    put(store, OTHER_KS, "k", 10, "two");
    put(store, -1, "k", 10, "negative");

    assertEquals("one", read(store, KS, "k", 10));
    assertEquals("two", read(store, OTHER_KS, "k", 10));
    assertEquals("negative", read(store, -1, "k", 10));
    assertEquals(List.of("k"), scanKeys(store, KS, 10));
    assertEquals(List.of(), scanKeys(store, 3, 10));
    deleteRange(store, KS, "", null);
    assertNull(read(store, KS, "k", 10));
    assertEquals("two", read(store, OTHER_KS, "k", 10));
    assertEquals("negative", read(store, -1, "k", 10));
  }

  @Test
  void scanReturnsNewestVisibleVersionOfEachKeyInOrder() {
    put(store, KS, "c", 10, "c10");
    put(store, KS, "a", 10, "a10");
    put(store, KS, "b", 10, "b10");
    put(store, KS, "a", 20, "a20");
    put(store, KS, "d", 30, "d30");

    ScanResult result = store.scan(KS, null, null, 25, 10);
    assertEquals(List.of("a", "b", "c"), keys(result));
    assertEquals(List.of(20L, 10L, 10L), result.rows().stream().map(VersionedValue::ts).toList());
    assertEquals("a20", TestBytes.s(result.rows().get(0).value()));
    assertNull(result.resumeKey());
    assertEquals(List.of("b", "c"), keys(store.scan(KS, b("b"), b("d"), 100, 10)));
    assertEquals(List.of(), keys(store.scan(KS, b("c"), b("b"), 100, 10)), "start >= end");
  }

  @Test
  void scanAtAnOldTimestampSeesTheOldState() {
    put(store, KS, "a", 10, "a10");
    put(store, KS, "a", 20, "a20");
    put(store, KS, "b", 20, "b20");
    tombstone(store, KS, "c", 20);
    put(store, KS, "c", 10, "c10");

    assertEquals(List.of("a", "c"), scanKeys(store, KS, 15));
    assertEquals("a10", TestBytes.s(store.scan(KS, null, null, 15, 1).rows().get(0).value()));
    assertEquals(List.of(), scanKeys(store, KS, 9));
  }

  @Test
  void scanSkipsTombstonedKeys() {
    for (String k : List.of("a", "b", "c", "d", "e")) {
      put(store, KS, k, 10, k);
    }
    tombstone(store, KS, "b", 20);
    tombstone(store, KS, "c", 20);
    tombstone(store, KS, "e", 20);

    assertEquals(List.of("a", "d"), scanKeys(store, KS, 20));
    ScanResult page = store.scan(KS, null, null, 20, 1);
    assertEquals(List.of("a"), keys(page));
    assertArrayEquals(b("d"), page.resumeKey(), "resume key is the next visible row");
    assertFalse(store.scan(KS, b("d"), null, 20, 1).hasMore());
  }

  @Test
  void scanPagesReturnEveryRowExactlyOnce() {
    List<String> expected = new ArrayList<>();
    try (MvccWriteBatch batch = store.newBatch()) {
      for (int i = 0; i < 60; i++) {
        String key = String.format("k%03d", i);
        batch.put(KS, b(key), 10, b("v"));
        batch.put(KS, b(key), 20 + i % 3, b("w"));
        if (i % 4 == 0) {
          batch.tombstone(KS, b(key), 30);
        } else {
          expected.add(key);
        }
      }
      store.apply(batch);
    }
    for (int limit = 1; limit <= 7; limit++) {
      List<String> seen = new ArrayList<>();
      byte[] start = null;
      do {
        ScanResult page = store.scan(KS, start, null, 40, limit);
        assertFalse(page.rows().isEmpty(), "no empty pages, limit " + limit);
        seen.addAll(keys(page));
        start = page.resumeKey();
      } while (start != null);
      assertEquals(expected, seen, "limit " + limit);
    }
  }

  @Test
  void manyVersionsPerKey() {
    try (MvccWriteBatch batch = store.newBatch()) {
      for (int ts = 1; ts <= 2000; ts++) {
        batch.put(KS, b("hot"), ts, b("v" + ts));
      }
      batch.put(KS, b("cold"), 1, b("c"));
      batch.put(KS, b("hotter"), 1, b("h"));
      store.apply(batch);
    }
    for (long ts : new long[] {1, 2, 999, 1000, 1999, 2000, 5000}) {
      assertEquals("v" + Math.min(ts, 2000), read(store, KS, "hot", ts));
    }
    assertEquals(List.of("cold", "hot", "hotter"), scanKeys(store, KS, 1500));
  }

  @Test
  void deleteRangeDropsEveryVersionOfTheKeysInRange() {
    for (String k : List.of("a", "b", "bb", "c", "d")) {
      put(store, KS, k, 10, k + "10");
      put(store, KS, k, 20, k + "20");
    }
    tombstone(store, KS, "c", 30);
    deleteRange(store, KS, "b", "c");

    assertEquals(List.of("a", "c", "d"), scanKeys(store, KS, 25));
    assertEquals(List.of("a", "d"), scanKeys(store, KS, 35));
    assertNull(read(store, KS, "b", 10));
    assertNull(read(store, KS, "bb", 20));
    assertEquals("c20", read(store, KS, "c", 29), "the end key is exclusive");
  }

  @Test
  void deleteRangeWithOpenEndStopsAtTheKeyspaceEnd() {
    for (String k : List.of("a", "m", "z", "\u00ff\u00ff")) {
      put(store, KS, k, 10, k);
      put(store, OTHER_KS, k, 10, k);
    }
    deleteRange(store, KS, "m", null);

    assertEquals(List.of("a"), scanKeys(store, KS, 10));
    assertEquals(4, scanKeys(store, OTHER_KS, 10).size());
  }

  @Test
  void deleteRangeThenPutInOneBatchKeepsThePut() {
    put(store, KS, "a", 10, "old");
    try (MvccWriteBatch batch = store.newBatch()) {
      batch.deleteRange(KS, null, null).put(KS, b("a"), 20, b("new"));
      store.apply(batch);
    }
    assertEquals("new", read(store, KS, "a", 30));
    assertNull(read(store, KS, "a", 15));
  }

  @Test
  void deleteMetaDropsOneTabletsMetaAndALaterPutSurvives() {
    putMetaOfTwoTablets();
    try (MvccWriteBatch batch = store.newBatch()) {
      store.apply(batch.deleteMeta(TABLET).putMeta(TABLET, "b", b("3")));
    }
    assertTrue(store.getMeta(TABLET, "a").isEmpty(), "deleted");
    assertArrayEquals(b("3"), store.getMeta(TABLET, "b").orElseThrow(), "put after delete");
    assertArrayEquals(b("other"), store.getMeta(TABLET + 1, "a").orElseThrow(), "other tablet");
  }

  @Test
  void deleteMetaOfOneNameLeavesTheOthers() {
    putMetaOfTwoTablets();
    try (MvccWriteBatch batch = store.newBatch()) {
      store.apply(batch.deleteMeta(TABLET, "a").deleteMeta(TABLET, "never-written"));
    }
    assertTrue(store.getMeta(TABLET, "a").isEmpty(), "deleted");
    assertArrayEquals(b("2"), store.getMeta(TABLET, "b").orElseThrow(), "same tablet, other name");
    assertArrayEquals(b("other"), store.getMeta(TABLET + 1, "a").orElseThrow(), "other tablet");
  }

  /** Meta a=1, b=2 of TABLET and a=other of TABLET + 1. */
  private void putMetaOfTwoTablets() {
    try (MvccWriteBatch batch = store.newBatch()) {
      store.apply(
          batch
              .putMeta(TABLET, "a", b("1"))
              .putMeta(TABLET, "b", b("2"))
              .putMeta(TABLET + 1, "a", b("other")));
    }
  }

  @Test
  void metaIsWrittenInTheSameBatchAsData() {
    try (MvccWriteBatch batch = store.newBatch()) {
      batch.put(KS, b("row"), 10, b("v")).putMeta(TABLET, "applied_index", b("7"));
      assertTrue(store.getMeta(TABLET, "applied_index").isEmpty(), "nothing before apply");
      assertNull(read(store, KS, "row", 10), "nothing before apply");
      store.apply(batch);
    }
    assertArrayEquals(b("7"), store.getMeta(TABLET, "applied_index").orElseThrow());
    assertEquals("v", read(store, KS, "row", 10));
    try (MvccWriteBatch batch = store.newBatch()) {
      store.apply(batch.putMeta(TABLET, "applied_index", b("8")).putMeta(TABLET + 1, "x", b("y")));
    }
    assertArrayEquals(b("8"), store.getMeta(TABLET, "applied_index").orElseThrow());
    assertTrue(store.getMeta(TABLET, "x").isEmpty(), "meta is per tablet");
    assertTrue(store.getMeta(TABLET + 1, "applied_index").isEmpty());
  }

  @Test
  void aBatchIsInvisibleUntilAppliedAndNothingIfClosedUnapplied() {
    try (MvccWriteBatch batch = store.newBatch()) {
      batch.put(KS, b("a"), 10, b("a")).put(KS, b("b"), 10, b("b")).tombstone(KS, b("c"), 5);
    }
    assertEquals(List.of(), scanKeys(store, KS, 100));
    try (MvccWriteBatch batch = store.newBatch()) {
      batch.put(KS, b("a"), 10, b("a")).put(KS, b("b"), 10, b("b"));
      assertEquals(List.of(), scanKeys(store, KS, 100));
      store.apply(batch);
    }
    assertEquals(List.of("a", "b"), scanKeys(store, KS, 100));
  }

  @Test
  void aSnapshotDoesNotSeeLaterWrites() {
    put(store, KS, "a", 10, "a10");
    put(store, KS, "b", 10, "b10");
    putMeta(store, TABLET, "applied_index", "1");
    try (MvccSnapshot snapshot = store.snapshot()) {
      put(store, KS, "a", 20, "a20");
      put(store, KS, "c", 5, "c5");
      deleteRange(store, KS, "b", "bb");
      putMeta(store, TABLET, "applied_index", "2");

      assertEquals("a10", read(snapshot, KS, "a", 100));
      assertEquals("b10", read(snapshot, KS, "b", 100));
      assertEquals(List.of("a", "b"), scanKeys(snapshot, KS, 100));
      assertArrayEquals(b("1"), snapshot.getMeta(TABLET, "applied_index").orElseThrow());
      assertEquals(List.of("a", "c"), scanKeys(store, KS, 100));
      assertArrayEquals(b("2"), store.getMeta(TABLET, "applied_index").orElseThrow());
      snapshot.close();
      assertThrows(IllegalStateException.class, () -> snapshot.read(KS, b("a"), 100));
    }
  }

  @Test
  void closingTheStoreReleasesOpenSnapshots() {
    put(store, KS, "a", 10, "a10");
    MvccSnapshot snapshot = store.snapshot();
    store.close();
    assertThrows(IllegalStateException.class, () -> snapshot.read(KS, b("a"), 100));
    assertThrows(IllegalStateException.class, () -> store.read(KS, b("a"), 100));
    snapshot.close();
    store.close();
  }

  @Test
  void invalidArgumentsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> store.read(KS, b("a"), -1));
    assertThrows(IllegalArgumentException.class, () -> store.scan(KS, null, null, 10, 0));
    assertThrows(IllegalArgumentException.class, () -> store.read(Long.MAX_VALUE, b("a"), 1));
    try (MvccWriteBatch batch = store.newBatch()) {
      assertThrows(IllegalArgumentException.class, () -> batch.put(KS, b("a"), -5, b("v")));
      MvccStore other = openStore();
      assertThrows(IllegalArgumentException.class, () -> other.apply(batch));
    }
  }

  @Test
  void approximateSizeGrowsWithData() {
    try (MvccWriteBatch batch = store.newBatch()) {
      for (int i = 0; i < 2000; i++) {
        batch.put(KS, b(String.format("key%05d", i)), 10, new byte[100]);
      }
      store.apply(batch);
    }
    long populated = store.approximateSize(KS, null, null);
    assertTrue(populated > 0, "size " + populated);
    assertTrue(store.approximateSize(OTHER_KS, null, null) < populated);
    assertEquals(0, store.approximateSize(KS, b("b"), b("a")), "empty range");
  }

  /** Fills {@link #store} with versions in and around [b, z) of KS, and meta of two tablets. */
  private void writeExportFixture() {
    put(store, KS, "a", 10, "a10");
    put(store, KS, "b", 10, "b10");
    put(store, KS, "b", 20, "b20");
    tombstone(store, KS, "b", 30);
    put(store, KS, "c\u0000", 10, "c10");
    put(store, KS, "z", 10, "z10");
    put(store, OTHER_KS, "b", 10, "other");
    putMeta(store, TABLET, "applied_index", "42");
    putMeta(store, TABLET, "applied_term", "3");
    putMeta(store, TABLET + 1, "applied_index", "7");
  }

  @Test
  void exportImportRoundTripCarriesEveryVersionAndTheTabletMeta() {
    writeExportFixture();
    store.exportRange(KS, b("b"), b("z"), TABLET, exportDir);
    MvccStore target = openStore();
    target.importRange(exportDir);

    assertEquals("b10", read(target, KS, "b", 15));
    assertEquals("b20", read(target, KS, "b", 25));
    assertNull(read(target, KS, "b", 30), "the tombstone travels too");
    assertEquals("c10", read(target, KS, "c\u0000", 10));
    for (long ts = 0; ts <= 40; ts += 5) {
      assertEquals(
          store.scan(KS, b("b"), b("z"), ts, 100), target.scan(KS, b("b"), b("z"), ts, 100));
    }
    assertNull(read(target, KS, "a", 100), "outside the range");
    assertNull(read(target, KS, "z", 100), "the end key is exclusive");
    assertNull(read(target, OTHER_KS, "b", 100), "other keyspace");
    assertEquals("42", meta(target, TABLET, "applied_index"));
    assertEquals("3", meta(target, TABLET, "applied_term"));
    assertNull(meta(target, TABLET + 1, "applied_index"), "other tablet's meta");
  }

  @Test
  void importReplacesWhatTheRangeAndTheTabletMetaHeld() {
    writeExportFixture();
    store.exportRange(KS, b("b"), b("z"), TABLET, exportDir);
    MvccStore target = openStore();
    put(target, KS, "a", 5, "kept");
    put(target, KS, "b", 50, "stale");
    put(target, KS, "bb", 10, "stale");
    put(target, KS, "z", 5, "kept");
    putMeta(target, TABLET, "applied_index", "99");
    putMeta(target, TABLET, "leftover", "x");
    putMeta(target, TABLET + 1, "applied_index", "kept");
    target.importRange(exportDir);

    assertNull(read(target, KS, "b", 100), "newest is the imported tombstone");
    assertEquals(List.of("a", "c\u0000", "z"), scanKeys(target, KS, 100));
    assertEquals("42", meta(target, TABLET, "applied_index"));
    assertNull(meta(target, TABLET, "leftover"));
    assertEquals("kept", meta(target, TABLET + 1, "applied_index"));
  }

  @Test
  void anEmptyRangeExportsAndImportsAsAnEmptyRange() {
    writeExportFixture();
    store.exportRange(KS, b("m"), b("n"), TABLET + 5, exportDir);
    MvccStore target = openStore();
    put(target, KS, "m1", 10, "dropped");
    put(target, KS, "a", 10, "kept");
    putMeta(target, TABLET + 5, "applied_index", "dropped");
    target.importRange(exportDir);

    assertEquals(List.of("a"), scanKeys(target, KS, 100));
    assertNull(meta(target, TABLET + 5, "applied_index"));
    openStore().importRange(exportDir);
  }

  @Test
  void anOpenEndedExportCoversTheWholeKeyspace() {
    writeExportFixture();
    store.exportRange(KS, null, null, TABLET, exportDir);
    MvccStore target = openStore();
    target.importRange(exportDir);

    for (long ts = 0; ts <= 40; ts += 10) {
      assertEquals(store.scan(KS, null, null, ts, 100), target.scan(KS, null, null, ts, 100));
    }
    assertEquals(List.of(), scanKeys(target, OTHER_KS, 100));
  }

  @ParameterizedTest(name = "seed={0}")
  @ValueSource(longs = {1, 2, 3, 42, 20261122})
  void matchesTheReferenceModel(long seed) {
    new RandomizedMvccCheck(store, seed).run(400);
  }

  @Test
  void readersNeverSeeHalfABatch() throws InterruptedException {
    Throwable failure = new ConcurrentBatchCheck(store).run(300, 2);
    if (failure != null) {
      throw new AssertionError("concurrent check failed", failure);
    }
  }
}
