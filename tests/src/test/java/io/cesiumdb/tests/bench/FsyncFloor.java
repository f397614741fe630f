package io.cesiumdb.tests.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The disk's fdatasync floor, measured the way the Raft log pays it: append a small record to a
 * file and {@code force(false)} (fdatasync), one at a time.
 */
final class FsyncFloor {
  private FsyncFloor() {}

  static Result measure(Path dir, int count) throws IOException {
    Path file = Files.createTempFile(dir, "fsync-floor", ".log");
    Latencies l = new Latencies();
    ByteBuffer record = ByteBuffer.allocate(256);
    long start = System.nanoTime();
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      for (int i = 0; i < count; i++) {
        long t0 = System.nanoTime();
        record.clear();
        ch.write(record);
        ch.force(false);
        l.add((System.nanoTime() - t0) / 1000);
      }
    } finally {
      Files.deleteIfExists(file);
    }
    return Result.of(
        "fdatasync floor (256 B append + force)", l, (System.nanoTime() - start) / 1e9);
  }
}
