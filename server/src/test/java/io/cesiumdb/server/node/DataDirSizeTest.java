package io.cesiumdb.server.node;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirSizeTest {
  @TempDir Path dir;

  @Test
  void sumsRegularFilesAndRemeasuresOnlyWhenStale() throws IOException {
    Files.write(dir.resolve("a"), new byte[100]);
    Files.createDirectories(dir.resolve("raft/g1"));
    Files.write(dir.resolve("raft/g1/log"), new byte[23]);
    DataDirSize fresh = new DataDirSize(dir, Duration.ofHours(1));
    assertEquals(123, fresh.bytes());
    Files.write(dir.resolve("b"), new byte[7]);
    assertEquals(123, fresh.bytes(), "cached within maxAge");
    assertEquals(130, new DataDirSize(dir, Duration.ZERO).bytes());
  }

  @Test
  void aMissingDirectoryIsEmpty() {
    assertEquals(0, DataDirSize.walk(dir.resolve("absent")));
  }
}
