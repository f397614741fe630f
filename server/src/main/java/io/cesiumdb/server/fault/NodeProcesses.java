package io.cesiumdb.server.fault;

import io.cesiumdb.common.net.PortAllocator;
import io.cesiumdb.server.cli.StartCommand;
import io.cesiumdb.server.workload.nemesis.NodeControl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Nodes as real OS processes: one {@code cesium start --clock simulated} child JVM per node, with
 * this JVM's classpath, on loopback ports picked up front. {@link #kill} is a real {@code kill -9}
 * (SIGKILL); {@link #start} brings a node back from its data directory at the same addresses. What
 * the {@code kill} nemesis acts on, and what the durability tests use.
 *
 * <p>Each node's output goes to {@code dir/<node-id>.log}; data to {@code dir/<node-id>}. Nodes run
 * the simulated clock, so their fault admin RPC is served. Thread-safe (one lock).
 */
public final class NodeProcesses implements NodeControl, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NodeProcesses.class);

  private final NodeProcessesBuilder settings;
  private final Map<String, Member> members = new LinkedHashMap<>();
  private final Map<String, Process> processes = new LinkedHashMap<>();

  /**
   * Where one node listens.
   *
   * @param pdRaftAddress {@code host:port} of its placement-driver member's Raft, empty when it
   *     runs none
   */
  public record Member(String nodeId, String rpcAddress, String raftAddress, String pdRaftAddress) {
    /** Whether this node runs a placement-driver member. */
    public boolean runsPd() {
      return !pdRaftAddress.isEmpty();
    }
  }

  NodeProcesses(NodeProcessesBuilder settings) {
    this.settings = settings;
    for (int i = 1; i <= settings.nodes; i++) {
      String id = "n" + i;
      String pdRaft = settings.pdMembers >= i ? loopback() : "";
      members.put(id, new Member(id, loopback(), loopback(), pdRaft));
    }
  }

  /** Settings for node processes with data and logs under {@code dir}. */
  public static NodeProcessesBuilder builder(Path dir) {
    return new NodeProcessesBuilder(dir);
  }

  /**
   * Starts {@code count} node processes n1..nN without a placement driver, data under {@code dir}.
   */
  public static NodeProcesses start(int count, Path dir) {
    return builder(dir).nodes(count).start();
  }

  /** Starts every node; on a failure stops those already started and rethrows. */
  NodeProcesses startAll() {
    try {
      Files.createDirectories(settings.dir);
      members.keySet().forEach(this::start);
    } catch (IOException e) {
      close();
      throw new UncheckedIOException("cannot create " + settings.dir, e);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    return this;
  }

  public List<Member> members() {
    return List.copyOf(members.values());
  }

  /** The member named {@code nodeId}; IllegalArgumentException for an unknown id. */
  public Member member(String nodeId) {
    Member m = members.get(nodeId);
    if (m == null) {
      throw new IllegalArgumentException("no node " + nodeId + " among " + members.keySet());
    }
    return m;
  }

  /** Every node's RPC address, in node order: the seeds of a workload run. */
  public List<String> rpcAddresses() {
    return members.values().stream().map(Member::rpcAddress).toList();
  }

  /** Whether the node's process runs (was started and has not been killed or exited). */
  public synchronized boolean isRunning(String nodeId) {
    Process p = processes.get(nodeId);
    return p != null && p.isAlive();
  }

  /**
   * Starts (again) one node process and waits until it prints that it is ready.
   *
   * @throws IllegalStateException when it does not become ready in time (its output attached)
   */
  @Override
  public synchronized void start(String nodeId) {
    if (isRunning(nodeId)) {
      return;
    }
    List<String> cmd = StartArgs.command(settings, member(nodeId), members.values());
    Path log = settings.dir.resolve(nodeId + ".log");
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      processes.put(nodeId, p);
      ProcessOutput out = ProcessOutput.drain(nodeId, p.getInputStream(), log, StartCommand.READY);
      awaitReady(nodeId, p, out);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + nodeId, e);
    }
    LOG.info("node process {} ready (log {})", nodeId, log);
  }

  private void awaitReady(String nodeId, Process p, ProcessOutput out) {
    try {
      out.ready().get(settings.readyTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new IllegalStateException("interrupted while starting " + nodeId, e);
    } catch (Exception e) {
      p.destroyForcibly();
      processes.remove(nodeId);
      throw new IllegalStateException(
          nodeId + " did not become ready; last output:\n" + out.tail(), e);
    }
  }

  /**
   * {@code kill -9}: the process gets no chance to flush or say goodbye; waits until it is gone.
   */
  @Override
  public synchronized void kill(String nodeId) {
    member(nodeId);
    Process p = processes.remove(nodeId);
    if (p == null) {
      return;
    }
    p.destroyForcibly();
    try {
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException(nodeId + " survived SIGKILL for 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while killing " + nodeId, e);
    }
    LOG.info("node process {} killed", nodeId);
  }

  /** Kills every node process. */
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

  private static String loopback() {
    return "127.0.0.1:" + PortAllocator.pickLoopback();
  }
}
