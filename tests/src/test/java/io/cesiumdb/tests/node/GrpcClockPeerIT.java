package io.cesiumdb.tests.node;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.common.net.PortAllocator;
import io.cesiumdb.server.node.Node;
import io.cesiumdb.server.node.NodeConfig;
import io.cesiumdb.server.node.NodeOptions;
import io.cesiumdb.server.node.PeerAddress;
import io.cesiumdb.server.rpc.GrpcClockPeer;
import io.cesiumdb.truetime.EpsilonModel;
import io.cesiumdb.truetime.SimulatedClock;
import io.cesiumdb.truetime.TTInterval;
import io.cesiumdb.truetime.TimeSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The clock peer over real loopback gRPC, across a peer that is down and then comes up. */
class GrpcClockPeerIT {
  @TempDir Path dir;

  @Test
  void aPeerThatComesUpIsSampledOnTheVeryNextTry() throws Exception {
    int rpcPort = PortAllocator.pickLoopback();
    int raftPort = PortAllocator.pickLoopback();
    PeerAddress target = new PeerAddress("n2", NodeConfig.DEFAULT_HOST, rpcPort);
    try (GrpcClockPeer peer = GrpcClockPeer.connect("n1", target)) {
      ExecutionException down =
          assertThrows(ExecutionException.class, () -> peer.sampleClock().get(5, TimeUnit.SECONDS));
      String why = String.valueOf(down.getCause());
      assertTrue(why.contains("UNAVAILABLE") || why.contains("DEADLINE_EXCEEDED"), why);

      try (Node n2 = startNode(rpcPort, raftPort)) {
        // gRPC would fail this for ~1 s (reconnect backoff) unless the peer resets it.
        TTInterval sample = peer.sampleClock().get(5, TimeUnit.SECONDS);
        assertTrue(sample.latest() >= sample.earliest());
      }
    }
  }

  private Node startNode(int rpcPort, int raftPort) throws IOException {
    SimulatedClock clock = new SimulatedClock("n2", TimeSource.system(), EpsilonModel.fixed(1000));
    NodeConfig config =
        new NodeConfig("n2", NodeConfig.DEFAULT_HOST, rpcPort, raftPort, dir.resolve("n2"));
    return new Node(config, clock, NodeOptions.simulated()).start();
  }
}
