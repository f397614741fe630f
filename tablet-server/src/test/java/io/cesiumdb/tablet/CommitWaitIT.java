package io.cesiumdb.tablet;

import static io.cesiumdb.tablet.cluster.TabletClient.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.tablet.cluster.TabletClient;
import io.cesiumdb.tablet.cluster.TestCluster;
import io.cesiumdb.tablet.cluster.TestNode;
import io.cesiumdb.truetime.EpsilonModel;
import io.cesiumdb.truetime.TrueTime;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commit wait at apply (OSDI12 §4.1.2): with ε = 20 ms on every node, a write is acknowledged only
 * once its commit timestamp has certainly passed on the leader's clock, and every replica spent the
 * wait. With commit wait switched off (the negative control's test-only setting) the same check
 * finds writes acknowledged before their timestamp passed.
 */
class CommitWaitIT {
  private static final long EPSILON_MICROS = 20_000;
  private static final int WRITES = 20;

  @TempDir Path root;

  @Test
  void writesAreAcknowledgedOnlyAfterTheirTimestampHasPassed() {
    assertEquals(0, acknowledgedEarly(true), "no write acknowledged before TT.after(commit_ts)");
  }

  @Test
  void withoutCommitWaitWritesAreAcknowledgedEarly() {
    int early = acknowledgedEarly(false);
    assertTrue(early >= WRITES / 2, "the negative control finds early acks: " + early);
  }

  private int acknowledgedEarly(boolean commitWait) {
    try (TestCluster cluster =
        TestCluster.start(root, 3, RaftTuning.forTests(), c -> c.withCommitWait(commitWait))) {
      cluster.nodes().forEach(n -> n.clock().setEpsilonModel(EpsilonModel.fixed(EPSILON_MICROS)));
      cluster.createTablet(1, 1, "", "");
      TabletClient client = cluster.client();
      TestNode leader = cluster.leader(1);
      TrueTime clock = leader.trueTime();
      List<Long> early = new ArrayList<>();
      for (int i = 0; i < WRITES; i++) {
        long ts = client.write(1, put("k" + i, "v")).getCommitTs();
        if (!clock.after(ts)) {
          early.add(ts);
        }
      }
      long waited = leader.replica(1).orElseThrow().commitWaitNanos();
      assertTrue(commitWait == waited > 0, "commit wait time on the leader: " + waited + " ns");
      return early.size();
    }
  }
}
