package io.cesiumdb.server.fault;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;

/**
 * Drains one child process's output (stdout and stderr merged) into its log file on a daemon
 * thread, so the child never blocks on a full pipe, and completes {@link #ready()} when a line
 * starts with the ready marker (fails it when the process exits first). Keeps the last lines for
 * error messages.
 */
final class ProcessOutput {
  private static final int TAIL_LINES = 60;

  private final CompletableFuture<Void> ready = new CompletableFuture<>();
  private final Deque<String> tail = new ArrayDeque<>();

  private ProcessOutput() {}

  /** Starts draining {@code out} of node {@code nodeId} into {@code logFile} (appending). */
  static ProcessOutput drain(String nodeId, InputStream out, Path logFile, String readyMarker) {
    ProcessOutput o = new ProcessOutput();
    Writer log;
    try {
      log =
          Files.newBufferedWriter(
              logFile,
              StandardCharsets.UTF_8,
              StandardOpenOption.CREATE,
              StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + logFile, e);
    }
    Thread pump = new Thread(() -> o.pump(nodeId, out, log, readyMarker), "out-" + nodeId);
    pump.setDaemon(true);
    pump.start();
    return o;
  }

  private void pump(String nodeId, InputStream out, Writer log, String readyMarker) {
    try (log;
        BufferedReader in =
            new BufferedReader(new InputStreamReader(out, StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        remember(line);
        log.write(line);
        log.write('\n');
        log.flush();
        if (line.startsWith(readyMarker)) {
          ready.complete(null);
        }
      }
    } catch (IOException e) {
      ready.completeExceptionally(e);
    }
    ready.completeExceptionally(new IllegalStateException(nodeId + " exited"));
  }

  private synchronized void remember(String line) {
    tail.addLast(line);
    if (tail.size() > TAIL_LINES) {
      tail.removeFirst();
    }
  }

  /** Completes once the process printed its ready line. */
  CompletableFuture<Void> ready() {
    return ready;
  }

  /** The last lines the process printed. */
  synchronized String tail() {
    return String.join("\n", tail);
  }
}
