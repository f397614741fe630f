package io.cesiumdb.tests.cluster;

import io.cesiumdb.common.net.PortAllocator;
import io.cesiumdb.server.cli.StartCommand;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Nodes as real OS processes ({@code cesium start}), one JVM each, on loopback ports picked up
 * front: {@link #kill} is a real {@code kill -9}, and {@link #start} brings a node back from its
 * data directory at the same addresses.
 */
public final class ProcessCluster implements AutoCloseable {
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  private final Path dir;
  private final Map<String, NodeAddress> addresses = new LinkedHashMap<>();
  private final Map<String, Process> processes = new LinkedHashMap<>();

  private ProcessCluster(Path dir) {
    this.dir = dir;
  }

  /** Starts {@code count} node processes n1..nN with data under {@code dir}. */
  public static ProcessCluster start(int count, Path dir) {
    ProcessCluster c = new ProcessCluster(dir);
    for (int i = 1; i <= count; i++) {
      String id = "n" + i;
      c.addresses.put(
          id,
          new NodeAddress(
              id,
              "127.0.0.1:" + PortAllocator.pickLoopback(),
              "127.0.0.1:" + PortAllocator.pickLoopback()));
    }
    try {
      c.addresses.keySet().forEach(c::start);
    } catch (RuntimeException e) {
      c.close();
      throw e;
    }
    return c;
  }

  public List<NodeAddress> addresses() {
    return List.copyOf(addresses.values());
  }

  public NodeAddress address(String nodeId) {
    return addresses.get(nodeId);
  }

  /** Starts (again) one node process and waits until it prints that it is ready. */
  public synchronized void start(String nodeId) {
    NodeAddress a = addresses.get(nodeId);
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path")));
    cmd.addAll(List.of("io.cesiumdb.server.Main", "start", "--node-id", nodeId));
    cmd.addAll(List.of("--rpc-port", port(a.rpcAddress()), "--raft-port", port(a.raftAddress())));
    cmd.addAll(List.of("--data-dir", dir.resolve(nodeId).toString(), "--clock", "simulated"));
    addresses.values().stream()
        .filter(p -> !p.nodeId().equals(nodeId))
        .forEach(p -> cmd.addAll(List.of("--peer", p.nodeId() + "=" + p.rpcAddress())));
    try {
      Process p =
          new ProcessBuilder(cmd)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.PIPE)
              .start();
      processes.put(nodeId, p);
      awaitReady(nodeId, p);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + nodeId, e);
    }
  }

  /** {@code kill -9}: the process gets no chance to flush or say goodbye. */
  public synchronized void kill(String nodeId) throws InterruptedException {
    Process p = processes.remove(nodeId);
    p.destroyForcibly();
    p.waitFor(30, TimeUnit.SECONDS);
  }

  private static void awaitReady(String nodeId, Process p) {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<Void> ready = new CompletableFuture<>();
    StringBuilder seen = new StringBuilder();
    Thread pump =
        new Thread(
            () -> {
              try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                  synchronized (seen) {
                    seen.append(line).append('\n');
                  }
                  if (line.startsWith(StartCommand.READY)) {
                    ready.complete(null);
                  }
                }
              } catch (IOException e) {
                ready.completeExceptionally(e);
              }
              ready.completeExceptionally(new IllegalStateException(nodeId + " exited"));
            },
            "out-" + nodeId);
    pump.setDaemon(true);
    pump.start();
    try {
      ready.get(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      p.destroyForcibly();
      synchronized (seen) {
        throw new AssertionError(nodeId + " did not become ready; output:\n" + seen, e);
      }
    }
  }

  private static String port(String address) {
    return address.substring(address.lastIndexOf(':') + 1);
  }

  @Override
  public synchronized void close() {
    processes.values().forEach(Process::destroyForcibly);
    for (Process p : processes.values()) {
      try {
        p.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    processes.clear();
  }
}
