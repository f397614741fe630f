package io.cesiumdb.tablet.storage;

import static io.cesiumdb.tablet.storage.StoreOps.put;
import static io.cesiumdb.tablet.storage.StoreOps.read;
import static io.cesiumdb.tablet.storage.StoreOps.tombstone;
import static io.cesiumdb.tablet.storage.StoreOps.versions;
import static io.cesiumdb.tablet.storage.TestBytes.b;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The part of the conformance suite about single versions: {@link MvccWriteBatch#deleteVersion} and
 * {@link MvccReadView#versions}, the two primitives multi-version GC stands on. Mixed into {@link
 * AbstractMvccStoreTest} (JUnit runs an interface's default test methods), so every engine runs it,
 * and kept in its own file so the suite stays under the size limit.
 */
interface VersionContract {
  long KS = AbstractMvccStoreTest.KS;
  long OTHER_KS = AbstractMvccStoreTest.OTHER_KS;

  /** Returns the empty store under test. */
  MvccStore store();

  private static void deleteVersion(MvccStore s, long ks, String key, long ts) {
    try (MvccWriteBatch batch = s.newBatch()) {
      s.apply(batch.deleteVersion(ks, b(key), ts));
    }
  }

  @Test
  default void deleteVersionRemovesExactlyThatVersion() {
    MvccStore s = store();
    for (long ts : new long[] {10, 20, 30}) {
      put(s, KS, "k", ts, "v" + ts);
    }
    put(s, KS, "k\u0000", 20, "longer");
    put(s, KS, "", 20, "shorter");
    put(s, OTHER_KS, "k", 20, "other");
    deleteVersion(s, KS, "k", 20);

    assertEquals(List.of("k@30", "k@10"), versions(s, KS, "k", "k\u0000"));
    assertEquals("v10", read(s, KS, "k", 25), "the read at 25 now sees the older version");
    assertEquals("v30", read(s, KS, "k", 30));
    assertEquals("longer", read(s, KS, "k\u0000", 20));
    assertEquals("shorter", read(s, KS, "", 20));
    assertEquals("other", read(s, OTHER_KS, "k", 20));
  }

  @Test
  default void deleteVersionRemovesATombstoneAndTheOlderPutShowsAgain() {
    MvccStore s = store();
    put(s, KS, "k", 10, "v10");
    tombstone(s, KS, "k", 20);
    assertNull(read(s, KS, "k", 25));
    deleteVersion(s, KS, "k", 20);
    assertEquals("v10", read(s, KS, "k", 25));
    assertEquals(List.of("k@10"), versions(s, KS, null, null));
  }

  @Test
  default void deleteVersionOfAnAbsentVersionIsANoOp() {
    MvccStore s = store();
    put(s, KS, "k", 10, "v10");
    tombstone(s, KS, "k", 20);
    deleteVersion(s, KS, "k", 11);
    deleteVersion(s, KS, "kk", 10);
    deleteVersion(s, KS, "nothing", 10);
    deleteVersion(s, OTHER_KS, "k", 10);
    assertEquals(List.of("k@20 del", "k@10"), versions(s, KS, null, null));
  }

  @Test
  default void deleteVersionTakesEffectInBatchOrderAndOnlyOnApply() {
    MvccStore s = store();
    put(s, KS, "a", 10, "a10");
    try (MvccWriteBatch batch = s.newBatch()) {
      batch.put(KS, b("b"), 10, b("b10")).deleteVersion(KS, b("b"), 10);
      batch.deleteVersion(KS, b("c"), 10).put(KS, b("c"), 10, b("c10"));
      batch.deleteVersion(KS, b("a"), 10);
      assertEquals("a10", read(s, KS, "a", 10), "nothing before apply");
      s.apply(batch);
    }
    assertEquals(List.of("c@10"), versions(s, KS, null, null));
  }

  @Test
  default void aSnapshotStillSeesADeletedVersion() {
    MvccStore s = store();
    put(s, KS, "k", 10, "v10");
    put(s, KS, "k", 20, "v20");
    try (MvccSnapshot snapshot = s.snapshot()) {
      deleteVersion(s, KS, "k", 10);
      assertEquals("v10", read(snapshot, KS, "k", 15));
      assertEquals(List.of("k@20", "k@10"), versions(snapshot, KS, null, null));
      assertNull(read(s, KS, "k", 15));
    }
  }

  @Test
  default void deleteVersionRejectsANegativeTimestamp() {
    try (MvccWriteBatch batch = store().newBatch()) {
      assertThrows(IllegalArgumentException.class, () -> batch.deleteVersion(KS, b("k"), -1));
    }
  }

  @Test
  default void versionsListsEveryVersionOfTheRangeNewestFirst() {
    MvccStore s = store();
    for (String k : List.of("a", "a\u0000", "b", "c")) {
      put(s, KS, k, 10, k);
      put(s, OTHER_KS, k, 10, k);
    }
    put(s, KS, "b", 30, "b30");
    tombstone(s, KS, "b", 20);

    assertEquals(
        List.of("a@10", "a\u0000@10", "b@30", "b@20 del", "b@10", "c@10"),
        versions(s, KS, null, null));
    assertEquals(
        List.of("a\u0000@10", "b@30", "b@20 del", "b@10"), versions(s, KS, "a\u0000", "c"));
    assertEquals(List.of(), versions(s, KS, "c", "b"), "start >= end is empty");
    assertEquals(List.of(), versions(s, 3, null, null), "an empty keyspace");
  }

  @Test
  default void versionsSeekLandsOnTheNewestVersionAtOrBelowTs() {
    MvccStore s = store();
    put(s, KS, "a", 10, "a");
    put(s, KS, "b", 10, "b10");
    put(s, KS, "b", 20, "b20");
    put(s, KS, "c", 30, "c");
    try (VersionCursor c = s.versions(KS, b("b"), b("d"))) {
      c.seek(b("b"), 15);
      assertEquals(new MvccKey(KS, b("b"), 10), c.key());
      c.seek(b("b"), 5);
      assertEquals(new MvccKey(KS, b("c"), 30), c.key(), "no version <= 5: the next key");
      c.seek(b("a"), 100);
      assertEquals(new MvccKey(KS, b("b"), 20), c.key(), "before the range: its first version");
      c.seek(b("c"), 29);
      assertFalse(c.isValid());
    }
  }
}
