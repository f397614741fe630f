package io.cesiumdb.tablet;

import static io.cesiumdb.tablet.cluster.TabletClient.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.proto.tablet.TransferLeaderRequest;
import io.cesiumdb.tablet.cluster.Poll;
import io.cesiumdb.tablet.cluster.TabletClient;
import io.cesiumdb.tablet.cluster.TestCluster;
import io.cesiumdb.tablet.cluster.TestNode;
import io.cesiumdb.truetime.EpsilonModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * External consistency of single-tablet commits under clock skew within ε (OSDI12 §4.1.2): two
 * tablets whose leaders sit on nodes whose clocks are off by +ε/2 and −ε/2 (and, in a second run,
 * strobing between them); a client commits to one, then — after the acknowledgement — to the other,
 * in a randomized sequence. A commit that finished before the next one started must have the
 * smaller timestamp, every time. The negative control switches commit wait off (the test-only
 * setting) and must find violations: without the wait, the node whose clock is behind hands out
 * timestamps below ones the node ahead already acknowledged.
 */
class ExternalConsistencyIT {
  private static final long EPSILON_MICROS = 10_000;
  private static final int COMMITS = 600;
  private static final long SEED = 4_2026_1122L;

  @TempDir Path root;

  @Test
  void commitOrderMatchesTimestampOrderUnderSkewWithinEpsilon() {
    assertEquals(List.of(), violations(true, false), "seed " + SEED);
  }

  @Test
  void commitOrderMatchesTimestampOrderUnderAStrobingClock() {
    assertEquals(List.of(), violations(true, true), "seed " + SEED);
  }

  @Test
  void withoutCommitWaitTheSameCheckFindsViolations() {
    List<String> found = violations(false, false);
    assertTrue(!found.isEmpty(), "the negative control must find a violation (seed " + SEED + ")");
  }

  /**
   * Runs the randomized sequence; returns each pair committed in order but stamped out of order.
   */
  private List<String> violations(boolean commitWait, boolean strobe) {
    try (TestCluster cluster =
        TestCluster.start(root, 3, RaftTuning.forTests(), c -> c.withCommitWait(commitWait))) {
      for (TestNode n : cluster.nodes()) {
        n.clock().setEpsilonModel(EpsilonModel.fixed(EPSILON_MICROS));
      }
      TestNode ahead = cluster.node("n1");
      TestNode behind = cluster.node("n2");
      ahead.clock().setOffsetMicros(EPSILON_MICROS / 2);
      behind.clock().setOffsetMicros(-EPSILON_MICROS / 2);
      if (strobe) {
        // The leader of tablet 1 jumps between ε/2 behind and ε/2 ahead every 30 ms.
        ahead.clock().startStrobe(-EPSILON_MICROS / 2, EPSILON_MICROS / 2, 3 * EPSILON_MICROS);
      }
      cluster.createTablet(1, 1, "", "");
      cluster.createTablet(2, 2, "", "");
      lead(cluster, 1, ahead);
      lead(cluster, 2, behind);

      TabletClient client = cluster.client();
      SplittableRandom random = new SplittableRandom(SEED);
      List<String> violations = new ArrayList<>();
      long previousTs = 0;
      long previousTablet = 0;
      for (int i = 0; i < COMMITS; i++) {
        long tablet = random.nextInt(4) == 0 ? previousTablet : (previousTablet == 1 ? 2 : 1);
        tablet = tablet == 0 ? 1 : tablet;
        long ts = client.write(tablet, put("k" + i, "v")).getCommitTs();
        if (ts <= previousTs) {
          violations.add(
              "commit " + i + " on tablet " + tablet + " at " + ts + " <= previous " + previousTs);
        }
        previousTs = ts;
        previousTablet = tablet;
      }
      return violations;
    }
  }

  /** Moves the tablet's leadership to {@code target} and waits until it leads. */
  private static void lead(TestCluster cluster, long tabletId, TestNode target) {
    Poll.until(
        TestCluster.AWAIT,
        target.id() + " leading tablet " + tabletId,
        () -> {
          TestNode leader = cluster.leader(tabletId);
          if (leader == target) {
            return true;
          }
          leader
              .stub()
              .transferLeader(
                  TransferLeaderRequest.newBuilder()
                      .setTabletId(tabletId)
                      .setTargetNodeId(target.id())
                      .build());
          return cluster.currentLeader(tabletId).map(n -> n == target).orElse(false);
        });
  }
}
