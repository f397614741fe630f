package io.cesiumdb.server.fault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Settings of {@link NodeProcesses} before they start. Defaults: 3 nodes, no placement driver,
 * commit wait on, a 60 s ready timeout, JVM flags for small children ({@code -Xmx384m
 * -XX:+UseSerialGC}). Not C1-only: a child serves minutes of workload, and the placement driver's
 * PBKDF2 password check took seconds per login without the optimising compiler.
 */
public final class NodeProcessesBuilder {
  final Path dir;
  int nodes = 3;
  int pdMembers;
  boolean unsafeDisableCommitWait;
  double epsilonMillis;
  List<String> jvmArgs = List.of("-Xmx384m", "-XX:+UseSerialGC");
  Duration readyTimeout = Duration.ofSeconds(60);

  NodeProcessesBuilder(Path dir) {
    this.dir = Objects.requireNonNull(dir, "dir").toAbsolutePath();
  }

  /** How many nodes (n1..nN), at least 1. */
  public NodeProcessesBuilder nodes(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("need at least one node, got " + count);
    }
    this.nodes = count;
    return this;
  }

  /**
   * How many of the first nodes run a placement-driver member (0 = no PD: the nodes only host the
   * tablets a test creates by hand; otherwise every node gets the same {@code --pd-peer} list and
   * joins, and the nodes serve SQL).
   */
  public NodeProcessesBuilder pdMembers(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("negative PD member count " + count);
    }
    this.pdMembers = count;
    return this;
  }

  /** PD members on the first min(3, nodes) nodes: a full cluster that serves SQL. */
  public NodeProcessesBuilder withPlacementDriver() {
    return pdMembers(3);
  }

  /**
   * Starts every node with {@code --unsafe-disable-commit-wait}: the NEGATIVE CONTROL that proves
   * the consistency suite catches the violation commit wait prevents. Never for anything else.
   */
  public NodeProcessesBuilder unsafeDisableCommitWait(boolean on) {
    this.unsafeDisableCommitWait = on;
    return this;
  }

  /**
   * A fixed ε for every node's simulated clock ({@code --epsilon-ms}); 0 (the default) keeps
   * Spanner's 1-7 ms sawtooth. Fault sizes are fractions of ε, and the negative control needs an ε
   * wider than an operation's latency to show the anomaly commit wait prevents.
   */
  public NodeProcessesBuilder epsilonMillis(double ms) {
    if (ms < 0) {
      throw new IllegalArgumentException("negative epsilon " + ms);
    }
    this.epsilonMillis = ms;
    return this;
  }

  /** Flags for each child JVM (replacing the defaults). */
  public NodeProcessesBuilder jvmArgs(List<String> args) {
    this.jvmArgs = List.copyOf(args);
    return this;
  }

  /** How long one node may take to print that it is ready. */
  public NodeProcessesBuilder readyTimeout(Duration timeout) {
    this.readyTimeout = Objects.requireNonNull(timeout, "timeout");
    return this;
  }

  /** Starts every node and waits until each is ready. */
  public NodeProcesses start() {
    return new NodeProcesses(this).startAll();
  }
}
