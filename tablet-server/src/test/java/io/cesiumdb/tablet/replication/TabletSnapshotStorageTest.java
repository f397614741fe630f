package io.cesiumdb.tablet.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.storage.FileInfo;
import org.apache.ratis.statemachine.SnapshotRetentionPolicy;
import org.apache.ratis.statemachine.impl.FileListSnapshotInfo;
import org.apache.ratis.util.MD5FileUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TabletSnapshotStorageTest {
  @TempDir Path sm;

  @Test
  void aWrittenSnapshotIsFoundAgainWithItsDigests() throws Exception {
    TabletSnapshotStorage storage = new TabletSnapshotStorage();
    storage.open(sm);
    assertNull(storage.getLatestSnapshot());
    storage.write(TermIndex.valueOf(2, 40), dir -> export(dir, "a"));

    TabletSnapshotStorage reopened = new TabletSnapshotStorage();
    reopened.open(sm);
    FileListSnapshotInfo info = (FileListSnapshotInfo) reopened.getLatestSnapshot();
    assertEquals(TermIndex.valueOf(2, 40), info.getTermIndex());
    assertEquals(List.of("data.sst", "manifest"), names(info));
    for (FileInfo f : info.getFiles()) {
      assertTrue(f.getPath().isAbsolute(), "Ratis relativizes absolute paths when shipping");
      assertEquals(MD5FileUtil.computeMd5ForFile(f.getPath().toFile()), f.getFileDigest());
    }
    assertEquals(sm.resolve("snapshot.2_40"), reopened.dirOf(info));
  }

  @Test
  void theNewestSnapshotWinsAndCleanupKeepsTheRetainedOnes() throws Exception {
    TabletSnapshotStorage storage = new TabletSnapshotStorage();
    storage.open(sm);
    for (long i : new long[] {10, 30, 20}) {
      storage.write(TermIndex.valueOf(1, i), dir -> export(dir, "x" + i));
    }
    Files.createDirectories(sm.resolve("tmp.snapshot.1_40")); // an interrupted write
    assertEquals(30, storage.reload().getIndex());
    storage.cleanupOldSnapshots(keep(2));
    assertTrue(Files.isDirectory(sm.resolve("snapshot.1_30")));
    assertTrue(Files.isDirectory(sm.resolve("snapshot.1_20")));
    assertFalse(Files.exists(sm.resolve("snapshot.1_10")));
    assertFalse(Files.exists(sm.resolve("tmp.snapshot.1_40")));
  }

  private static void export(Path dir, String content) throws java.io.IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("data.sst"), content);
    Files.writeString(dir.resolve("manifest"), "m");
  }

  private static List<String> names(FileListSnapshotInfo info) {
    return info.getFiles().stream().map(f -> f.getPath().getFileName().toString()).toList();
  }

  private static SnapshotRetentionPolicy keep(int n) {
    return new SnapshotRetentionPolicy() {
      @Override
      public int getNumSnapshotsRetained() {
        return n;
      }
    };
  }
}
