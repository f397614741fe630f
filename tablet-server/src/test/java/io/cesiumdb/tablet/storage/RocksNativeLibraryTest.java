package io.cesiumdb.tablet.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.RocksDB;
import org.rocksdb.util.Environment;

/** The per-user cache of RocksDB's JNI library: extracted once, complete, private, reused. */
class RocksNativeLibraryTest {
  @TempDir Path root;

  @Test
  void theLibraryIsExtractedOnceIntoAPrivateDirectoryAndReused() throws Exception {
    Path dir = RocksNativeLibrary.cached(root);

    Path file = dir.resolve(RocksNativeLibrary.cachedFileName());
    assertEquals(root, dir.getParent());
    assertTrue(dir.getFileName().toString().startsWith("rocksdbjni-"), dir.toString());
    assertEquals(List.of(file), Files.list(dir).toList(), "no temporary file left");
    String inJar = Environment.getJniLibraryFileName("rocksdb");
    try (InputStream in = RocksDB.class.getResourceAsStream("/" + inJar)) {
      assertEquals(in.readAllBytes().length, Files.size(file), "a complete copy");
    }
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));

    FileTime written = FileTime.fromMillis(1_000_000L);
    Files.setLastModifiedTime(file, written);
    assertEquals(dir, RocksNativeLibrary.cached(root));
    assertEquals(written, Files.getLastModifiedTime(file), "found, not written again");
  }
}
