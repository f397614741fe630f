package io.cesiumdb.tests.cluster;

import io.cesiumdb.server.fault.NodeProcesses;
import java.nio.file.Path;
import java.util.List;

/**
 * Nodes as real OS processes ({@code cesium start}), one JVM each, on loopback ports picked up
 * front: {@link #kill} is a real {@code kill -9}, and {@link #start} brings a node back from its
 * data directory at the same addresses. A thin view of the server's {@link NodeProcesses} in the
 * tests' {@link NodeAddress} terms.
 */
public final class ProcessCluster implements AutoCloseable {
  private final NodeProcesses processes;

  private ProcessCluster(NodeProcesses processes) {
    this.processes = processes;
  }

  /** Starts {@code count} node processes n1..nN with data under {@code dir}. */
  public static ProcessCluster start(int count, Path dir) {
    return new ProcessCluster(NodeProcesses.start(count, dir));
  }

  /** The node processes themselves (process control for nemeses, fault admin addresses). */
  public NodeProcesses processes() {
    return processes;
  }

  public List<NodeAddress> addresses() {
    return processes.members().stream().map(ProcessCluster::address).toList();
  }

  public NodeAddress address(String nodeId) {
    return address(processes.member(nodeId));
  }

  /** Starts (again) one node process and waits until it prints that it is ready. */
  public void start(String nodeId) {
    processes.start(nodeId);
  }

  /** {@code kill -9}: the process gets no chance to flush or say goodbye. */
  public void kill(String nodeId) throws InterruptedException {
    processes.kill(nodeId);
  }

  private static NodeAddress address(NodeProcesses.Member m) {
    return new NodeAddress(m.nodeId(), m.rpcAddress(), m.raftAddress());
  }

  @Override
  public void close() {
    processes.close();
  }
}
