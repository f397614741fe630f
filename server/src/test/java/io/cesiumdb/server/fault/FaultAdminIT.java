package io.cesiumdb.server.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.common.fault.FaultPlan;
import io.cesiumdb.proto.fault.FaultState;
import io.cesiumdb.server.node.Node;
import io.cesiumdb.server.node.NodeConfig;
import io.cesiumdb.server.node.NodeOptions;
import io.cesiumdb.server.node.PeerAddress;
import io.cesiumdb.server.rpc.GrpcClockPeer;
import io.cesiumdb.truetime.EpsilonModel;
import io.cesiumdb.truetime.SimulatedClock;
import io.cesiumdb.truetime.SystemClockSource;
import io.cesiumdb.truetime.TTInterval;
import io.cesiumdb.truetime.TimeSource;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault admin RPC on real nodes (no placement driver, so they start in well under a second): a
 * clock offset set through it shows in what the node's SampleClock answers; a dropped link fails
 * calls between two nodes until healed; a node on the system clock refuses it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FaultAdminIT {
  private static final long FIVE_SECONDS_MICROS = 5_000_000;

  @TempDir Path dir;
  private final FaultPlan plan = new FaultPlan();
  private Node n1;
  private Node n2;

  private Node simulated(String id) {
    SimulatedClock clock = new SimulatedClock(id, TimeSource.system(), EpsilonModel.fixed(2_000));
    NodeConfig config = new NodeConfig(id, NodeConfig.DEFAULT_HOST, 0, 0, dir.resolve(id));
    return new Node(config, clock, NodeOptions.simulated().withFaults(plan)).start();
  }

  @AfterEach
  void stop() {
    if (n1 != null) {
      n1.close();
    }
    if (n2 != null) {
      n2.close();
    }
  }

  @Test
  void anOffsetSetThroughTheAdminShowsInSampleClock() throws Exception {
    n1 = simulated("n1");
    try (FaultAdminClient admin = new FaultAdminClient(target(n1));
        GrpcClockPeer peer = GrpcClockPeer.connect("probe", n1.address())) {
      FaultState set = admin.setOffsetMicros(FIVE_SECONDS_MICROS);
      assertEquals(FIVE_SECONDS_MICROS, set.getClock().getBaseOffsetMicros());
      assertFalse(set.getClock().getHonest(), "5 s is far beyond ε: " + set);
      long before = TimeSource.system().nowMicros();
      TTInterval sample = peer.sampleClock().get(5, TimeUnit.SECONDS);
      long after = TimeSource.system().nowMicros();
      long mid = (sample.earliest() + sample.latest()) / 2;
      assertTrue(mid >= before + FIVE_SECONDS_MICROS - 10_000, "sample " + sample);
      assertTrue(mid <= after + FIVE_SECONDS_MICROS + 10_000, "sample " + sample);

      FaultState healed = admin.healClock();
      assertTrue(healed.getHealthy(), healed.toString());
      assertTrue(Math.abs(healed.getClock().getTrueOffsetMicros()) < 1_000, healed.toString());
      assertTrue(admin.faults().getHealthy());
    }
  }

  @Test
  void aDroppedLinkFailsCallsBetweenNodesUntilHealed() throws Exception {
    n1 = simulated("n1");
    n2 = simulated("n2");
    try (FaultAdminClient admin2 = new FaultAdminClient(target(n2));
        GrpcClockPeer n1ToN2 = GrpcClockPeer.connect("n1", n2.address())) {
      n1ToN2.sampleClock().get(5, TimeUnit.SECONDS);
      FaultState cut = admin2.dropLinks(List.of(new FaultPlan.Link("n1", "n2")));
      assertEquals(1, cut.getDropsCount());
      assertFalse(cut.getHealthy());
      ExecutionException e =
          assertThrows(
              ExecutionException.class, () -> n1ToN2.sampleClock().get(5, TimeUnit.SECONDS));
      assertTrue(e.getCause().getMessage().contains("dropped by the fault plan"), e.toString());
      assertTrue(admin2.faults().getDroppedCount() >= 1);

      FaultState healed = admin2.healLinks();
      assertTrue(healed.getHealthy(), healed.toString());
      n1ToN2.sampleClock().get(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void anInvalidChangeIsRefusedAndChangesNothing() {
    n1 = simulated("n1");
    try (FaultAdminClient admin = new FaultAdminClient(target(n1))) {
      CesiumException e = assertThrows(CesiumException.class, () -> admin.strobe(0, 100, 0));
      assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
      assertTrue(admin.faults().getHealthy());
    }
  }

  @Test
  void aNodeOnTheSystemClockRefusesFaultInjection() {
    NodeConfig config = new NodeConfig("p1", NodeConfig.DEFAULT_HOST, 0, 0, dir.resolve("p1"));
    n1 =
        new Node(config, new SystemClockSource(EpsilonModel.fixed(7_000)), NodeOptions.defaults())
            .start();
    try (FaultAdminClient admin = new FaultAdminClient(target(n1))) {
      CesiumException e = assertThrows(CesiumException.class, () -> admin.setOffsetMicros(1));
      assertEquals(ErrorCode.CLOCK_ADMIN_REFUSED, e.code());
      assertTrue(e.getMessage().contains("--clock simulated"), e.getMessage());
    }
  }

  private static String target(Node n) {
    PeerAddress a = n.address();
    return a.target();
  }
}
