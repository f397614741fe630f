package io.cesiumdb.tests.node;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.server.demo.LocalCluster;
import io.cesiumdb.server.node.NodeConfig;
import io.cesiumdb.tests.Await;
import io.cesiumdb.truetime.ClockFencedException;
import io.cesiumdb.truetime.ClockOffsetMonitor;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three nodes in one JVM, each with a simulated clock, sample each other's clocks over the real
 * node RPC on loopback; a node pushed beyond the offset bound fences itself and un-fences when its
 * clock comes back.
 */
class ClockMonitorOverRpcIT {
  private static final Duration PATIENCE = Duration.ofSeconds(15);

  @TempDir Path dataDir;
  private LocalCluster cluster;

  @BeforeEach
  void start() {
    cluster = LocalCluster.start(3, NodeConfig.DEFAULT_HOST, 0, dataDir);
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  /** In bound and confirmed by every peer, not just a majority. */
  private boolean confirmedByAll(String node) {
    var v = cluster.node(node).clockMonitor().verdict();
    return !v.fenced() && v.agreeing().size() == 2;
  }

  private boolean allConfirmed() {
    return confirmedByAll("n1") && confirmedByAll("n2") && confirmedByAll("n3");
  }

  private boolean fenced(String node) {
    return cluster.node(node).clockMonitor().verdict().fenced();
  }

  private void sampleUntil(String what, java.util.function.BooleanSupplier done) {
    Await.until(
        what,
        PATIENCE,
        () -> {
          cluster.sampleClocks();
          return done.getAsBoolean();
        });
  }

  @Test
  void honestClocksStayInBound() {
    sampleUntil("every node confirmed by both peers", this::allConfirmed);
    assertTrue(cluster.node("n1").config().dataDir().toFile().isDirectory());
  }

  @Test
  void aSkewedNodeFencesItselfAndExplainsWhy() {
    long bound = ClockOffsetMonitor.Config.defaults().maxOffsetMicros();
    sampleUntil("every node confirmed by both peers", this::allConfirmed);

    cluster.clock("n1").setOffsetMicros(4 * bound);
    sampleUntil("n1 fenced", () -> fenced("n1"));
    assertFalse(fenced("n2"), "an honest node must not fence: it agrees with n3");
    assertFalse(fenced("n3"), "an honest node must not fence: it agrees with n2");

    ClockFencedException e =
        assertThrows(
            ClockFencedException.class, () -> cluster.node("n1").clockMonitor().checkNotFenced());
    assertTrue(e.getMessage().contains("n2") && e.getMessage().contains("n3"), e.getMessage());

    cluster.clock("n1").setOffsetMicros(0);
    sampleUntil("n1 back in bound", () -> !fenced("n1"));
  }

  @Test
  void aRestartedPeerIsSampledAgainPromptly() {
    sampleUntil("every node confirmed by both peers", this::allConfirmed);
    cluster.halt("n3");
    sampleUntil(
        "n3 unreachable from n1",
        () -> !cluster.node("n1").clockMonitor().verdict().unreachable().isEmpty());
    cluster.restart("n3");
    // Without resetting gRPC's reconnect backoff this would take seconds to minutes.
    sampleUntil("every node confirmed by both peers again", this::allConfirmed);
  }
}
