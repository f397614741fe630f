package io.cesiumdb.server.workload.nemesis;

/**
 * Process control over the nodes of a cluster the run owns (one OS process per node): what the
 * {@code kill} nemesis needs. Absent when the workload runs against a cluster it did not start.
 */
public interface NodeControl {
  /** Kills the node's process with SIGKILL and waits until it is gone. */
  void kill(String nodeId);

  /** Starts the node again from its data directory at the same addresses; waits until it serves. */
  void start(String nodeId);
}
