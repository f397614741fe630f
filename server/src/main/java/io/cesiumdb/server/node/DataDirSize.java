package io.cesiumdb.server.node;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;

/**
 * The bytes a node's data directory holds (RocksDB store, Raft logs and snapshots, PD state): what
 * its heartbeat reports as {@code disk_used_bytes}. The tablet server exposes no store-wide size,
 * so the directory is walked, at most once per {@code maxAge} (files RocksDB deletes during the
 * walk are skipped). Single-threaded use (the PD agent's thread).
 */
final class DataDirSize {
  private final Path dir;
  private final long maxAgeNanos;
  private long bytes;
  private long measuredAtNanos;
  private boolean measured;

  DataDirSize(Path dir, Duration maxAge) {
    this.dir = dir;
    this.maxAgeNanos = maxAge.toNanos();
  }

  /** The directory's size in bytes, re-measured when the last measure is older than maxAge. */
  long bytes() {
    long now = System.nanoTime();
    if (!measured || now - measuredAtNanos >= maxAgeNanos) {
      bytes = walk(dir);
      measuredAtNanos = now;
      measured = true;
    }
    return bytes;
  }

  /** Sum of the regular files' sizes under {@code root}; 0 when it does not exist. */
  static long walk(Path root) {
    long[] total = {0};
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (attrs.isRegularFile()) {
                total[0] += attrs.size();
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) {
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      // Only the root's own failure escapes visitFileFailed; nothing measured then.
    }
    return total[0];
  }
}
