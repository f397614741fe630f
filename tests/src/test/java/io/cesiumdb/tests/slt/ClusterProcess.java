package io.cesiumdb.tests.slt;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@link SltCluster} in a child JVM ({@link SltClusterMain}), so that a query that runs away (the
 * engine has no statement timeout or cancel) costs a {@link #kill} and a restart instead of the
 * whole run. The child gets a bounded heap and exits on OutOfMemoryError; its logs are appended to
 * a file.
 */
final class ClusterProcess implements AutoCloseable {
  private static final long START_SECONDS = 180;

  private final Process process;
  private final SltTarget target;

  private ClusterProcess(Process process, SltTarget target) {
    this.process = process;
    this.target = target;
  }

  /**
   * Starts a cluster under {@code dataDir} with {@code heap} (e.g. "1g"), logging to {@code log}.
   */
  static ClusterProcess start(Path dataDir, String heap, Path log)
      throws IOException, InterruptedException {
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder pb =
        new ProcessBuilder(
            List.of(
                java,
                "-Xmx" + heap,
                "-XX:+ExitOnOutOfMemoryError",
                "-cp",
                System.getProperty("java.class.path"),
                SltClusterMain.class.getName(),
                dataDir.toString()));
    pb.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Process p = pb.start();
    try {
      return new ClusterProcess(p, awaitReady(p));
    } catch (TimeoutException | ExecutionException | RuntimeException e) {
      p.destroyForcibly();
      throw new IOException("the cluster process did not start; see " + log, e);
    }
  }

  private static SltTarget awaitReady(Process p)
      throws InterruptedException, ExecutionException, TimeoutException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line =
        CompletableFuture.supplyAsync(() -> readReady(out)).get(START_SECONDS, TimeUnit.SECONDS);
    String[] f = line.split("\t");
    return new SltTarget(f[1], f[2], f[3]);
  }

  private static String readReady(BufferedReader out) {
    try {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith(SltClusterMain.READY + "\t")) {
          return line;
        }
      }
      throw new IllegalStateException("the cluster process exited before it was ready");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  SltTarget target() {
    return target;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Ends the child at once (it may be stuck in a runaway query) and waits for it to exit. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(60, TimeUnit.SECONDS);
  }

  /** Asks the child to stop its cluster (closes its stdin); kills it if it has not after 60 s. */
  @Override
  public void close() throws IOException, InterruptedException {
    process.getOutputStream().close();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      kill();
    }
  }
}
