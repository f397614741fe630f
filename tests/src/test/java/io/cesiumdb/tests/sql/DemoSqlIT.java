package io.cesiumdb.tests.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cesium demo} as a newcomer runs it, in its own process with its stdin piped: the real
 * 3-node cluster starts, the bootstrap user is printed, and the prompt is a SQL shell that runs
 * DDL, DML and a query, keeps the demo's {@code status} command, and stops the cluster on {@code
 * quit}.
 */
class DemoSqlIT {
  @TempDir Path dir;

  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void theDemoPromptIsASqlShell() throws Exception {
    Process demo =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    "io.cesiumdb.server.Main",
                    "demo",
                    "--base-port",
                    "0",
                    "--data-dir",
                    dir.resolve("data").toString(),
                    "--admin-password",
                    "demo-pw"))
            .redirectErrorStream(true)
            .start();
    CompletableFuture<String> output = readAll(demo.getInputStream());
    try (OutputStream in = demo.getOutputStream()) {
      in.write(
          """
          CREATE TABLE pets (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(20));
          INSERT INTO pets VALUES (1, 'rex'), (2, 'tom');
          SELECT name FROM pets
            WHERE id = 2;
          status
          quit
          """
              .getBytes(StandardCharsets.UTF_8));
    }
    assertTrue(demo.waitFor(3, TimeUnit.MINUTES), "the demo stops on quit");
    String text = output.get(10, TimeUnit.SECONDS);
    assertEquals(0, demo.exitValue(), text);
    assertTrue(text.contains("user cesium"), text);
    assertTrue(text.contains("(2 rows affected"), text);
    assertTrue(text.contains("tom") && text.contains("(1 row, "), text);
    assertTrue(text.contains("true offset"), "status still prints the cluster table:\n" + text);
    assertTrue(text.contains("Stopped the demo cluster."), text);
  }

  private static CompletableFuture<String> readAll(InputStream in) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            return "unreadable output: " + e;
          }
        });
  }
}
