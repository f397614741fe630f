package io.cesiumdb.tests.slt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The cluster process of a {@code bin/slt} run, replaced by a fresh one (new data directory) after
 * a runaway query; counts the restarts. Not thread-safe.
 */
final class RestartingCluster implements AutoCloseable {
  private final Path baseDir;
  private final String heap;
  private final Path log;
  private ClusterProcess current;
  private Path dataDir;
  private int starts;

  RestartingCluster(Path baseDir, String heap, Path log) {
    this.baseDir = baseDir;
    this.heap = heap;
    this.log = log;
  }

  /** The running cluster, started on first use. */
  ClusterProcess current() throws IOException, InterruptedException {
    if (current == null) {
      dataDir = Files.createTempDirectory(baseDir, "cluster-");
      current = ClusterProcess.start(dataDir, heap, log);
      starts++;
    }
    return current;
  }

  /** Ends the current cluster (killing it if it is stuck) and deletes its data. */
  void discard() throws IOException, InterruptedException {
    if (current != null) {
      if (current.isAlive()) {
        current.kill();
      }
      current = null;
      deleteTree(dataDir);
    }
  }

  int restarts() {
    return Math.max(0, starts - 1);
  }

  @Override
  public void close() throws IOException, InterruptedException {
    if (current != null) {
      current.close();
      current = null;
      deleteTree(dataDir);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
