package io.cesiumdb.common.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs a JVM that believes it has 2 cores (as our CI and demo machines have) and asks which thread
 * ran a {@code runAsync} stage, with and without {@link AsyncDefaults#ensurePooledAsync}.
 */
class AsyncDefaultsTest {

  /** The child JVM's main: {@code ensure} or not, then the name of the thread of an async stage. */
  public static final class Probe {
    public static void main(String[] args) throws Exception {
      boolean pooled = args[0].equals("ensure") ? AsyncDefaults.ensurePooledAsync() : false;
      String thread = CompletableFuture.supplyAsync(() -> Thread.currentThread().getName()).get();
      System.out.println(pooled + " " + thread);
    }
  }

  private static String probe(String mode) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p =
        new ProcessBuilder(
                List.of(
                    java.toString(),
                    "-XX:ActiveProcessorCount=2",
                    "-cp",
                    System.getProperty("java.class.path"),
                    Probe.class.getName(),
                    mode))
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "probe JVM did not exit");
    assertEquals(0, p.exitValue(), out);
    return out;
  }

  /**
   * JDK 17 (the project's default) runs each async stage on a new thread; JDK 25 runs them on the
   * common pool even at a parallelism of 1. Versions between are not checked here.
   */
  @Test
  void onTwoCoresJdk17RunsEachAsyncStageOnANewThread() throws Exception {
    String out = probe("plain");
    int jdk = Runtime.version().feature();
    if (jdk <= 17) {
      assertTrue(out.startsWith("false Thread-"), out);
    } else if (jdk >= 25) {
      assertTrue(out.startsWith("false ForkJoinPool.commonPool-worker-"), out);
    }
  }

  @Test
  void ensurePooledAsyncPutsThemOnTheCommonPool() throws Exception {
    String out = probe("ensure");
    assertTrue(out.startsWith("true ForkJoinPool.commonPool-worker-"), out);
  }
}
