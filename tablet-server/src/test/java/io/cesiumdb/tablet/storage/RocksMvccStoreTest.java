package io.cesiumdb.tablet.storage;

import static io.cesiumdb.tablet.storage.StoreOps.meta;
import static io.cesiumdb.tablet.storage.StoreOps.put;
import static io.cesiumdb.tablet.storage.StoreOps.putMeta;
import static io.cesiumdb.tablet.storage.StoreOps.read;
import static io.cesiumdb.tablet.storage.StoreOps.tombstone;
import static io.cesiumdb.tablet.storage.TestBytes.b;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the conformance suite against {@link RocksMvccStore}, plus RocksDB-only behaviour. */
class RocksMvccStoreTest extends AbstractMvccStoreTest {
  @TempDir Path dbRoot;
  private final AtomicInteger next = new AtomicInteger();

  @Override
  protected MvccStore newStore() {
    return RocksMvccStore.open(config(dbRoot.resolve("db-" + next.incrementAndGet())));
  }

  private static RocksStoreConfig config(Path dir) {
    return RocksStoreConfig.defaults(dir);
  }

  @Test
  void reopeningTheDirectoryKeepsDataAndMeta() {
    Path dir = dbRoot.resolve("reopened");
    try (MvccStore first = RocksMvccStore.open(config(dir))) {
      put(first, KS, "a", 10, "a10");
      tombstone(first, KS, "a", 20);
      putMeta(first, TABLET, "applied_index", "5");
    }
    try (MvccStore second = RocksMvccStore.open(config(dir))) {
      assertEquals("a10", read(second, KS, "a", 15));
      assertNull(read(second, KS, "a", 25));
      assertEquals("5", meta(second, TABLET, "applied_index"));
    }
  }

  @Test
  void importedFilesSurviveReopen() {
    put(store, KS, "a", 10, "a10");
    putMeta(store, TABLET, "applied_index", "9");
    store.exportRange(KS, null, null, TABLET, exportDir);
    assertTrue(Files.exists(exportDir.resolve(RocksRangeTransfer.DATA_FILE)));
    Path dir = dbRoot.resolve("imported");
    try (MvccStore target = RocksMvccStore.open(config(dir))) {
      target.importRange(exportDir);
    }
    try (MvccStore reopened = RocksMvccStore.open(config(dir))) {
      assertEquals("a10", read(reopened, KS, "a", 10));
      assertEquals("9", meta(reopened, TABLET, "applied_index"));
    }
    assertTrue(Files.exists(exportDir.resolve(RocksRangeTransfer.DATA_FILE)), "files copied");
  }

  @Test
  void importReplacesDataThatReopenFlushedToSstFiles() {
    put(store, KS, "b", 10, "fresh");
    putMeta(store, TABLET, "applied_index", "2");
    store.exportRange(KS, b("b"), b("c"), TABLET, exportDir);
    Path dir = dbRoot.resolve("flushed");
    try (MvccStore target = RocksMvccStore.open(config(dir))) {
      put(target, KS, "b", 50, "stale");
      put(target, KS, "bb", 10, "stale");
      putMeta(target, TABLET, "applied_index", "99");
    }
    try (MvccStore target = RocksMvccStore.open(config(dir))) {
      target.importRange(exportDir);
      assertEquals("fresh", read(target, KS, "b", 100));
      assertNull(read(target, KS, "bb", 100));
      assertEquals("2", meta(target, TABLET, "applied_index"));
    }
  }

  @Test
  void emptySidesOfAnExportWriteNoSstFile() {
    store.exportRange(KS, null, null, TABLET, exportDir);
    assertTrue(Files.exists(exportDir.resolve(ExportManifest.FILE_NAME)));
    assertTrue(Files.notExists(exportDir.resolve(RocksRangeTransfer.DATA_FILE)));
    assertTrue(Files.notExists(exportDir.resolve(RocksRangeTransfer.META_FILE)));
  }

  @Test
  void anInMemoryExportIsRejected() {
    try (InMemoryMvccStore memory = new InMemoryMvccStore()) {
      memory.exportRange(KS, null, null, TABLET, exportDir);
    }
    assertThrows(StorageException.class, () -> store.importRange(exportDir));
  }

  @Test
  void configRejectsNonsense() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new RocksStoreConfig(dbRoot, 0, 1, 1, 1, 1, 1, 1, 10, false));
    assertEquals(dbRoot.resolve("x"), config(dbRoot).withDir(dbRoot.resolve("x")).dir());
  }
}
