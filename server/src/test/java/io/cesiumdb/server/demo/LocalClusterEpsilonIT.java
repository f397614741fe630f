package io.cesiumdb.server.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cesiumdb.truetime.EpsilonModel;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code cesium demo --epsilon-ms}: every node's simulated clock runs at the fixed ε given. */
class LocalClusterEpsilonIT {
  @TempDir Path dir;

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void aFixedEpsilonReachesEveryNodesClock() {
    try (LocalCluster cluster =
        LocalCluster.builder().nodes(2).dataDir(dir).epsilon(EpsilonModel.fixed(1_500)).start()) {
      for (String id : cluster.nodeIds()) {
        assertEquals(1_500, cluster.clock(id).epsilonMicros(), id);
        var now = cluster.clock(id).readInterval();
        assertEquals(3_000, now.latest() - now.earliest(), id + ": [t - ε, t + ε]");
      }
    }
  }
}
