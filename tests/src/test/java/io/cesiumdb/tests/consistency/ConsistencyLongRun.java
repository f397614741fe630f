package io.cesiumdb.tests.consistency;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.server.workload.WorkloadResult;
import io.cesiumdb.server.workload.WorkloadSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The long size of the suite, outside CI: {@code mvn -Pconsistency verify -pl tests} (or {@code
 * bin/consistency}). {@value #RUNS} runs of {@code cesium.consistency.seconds} (default 60) seconds
 * on one 3-process cluster, the three workloads in turn, each with a pair of nemeses in rotation,
 * then the negative control. Writes {@code target/consistency/summary.md} (the table in {@code
 * docs/consistency.md}); fails if any run found an anomaly or the negative control found none.
 */
class ConsistencyLongRun {
  private static final Logger LOG = LoggerFactory.getLogger(ConsistencyLongRun.class);
  static final int RUNS = 21;
  private static final String[] WORKLOADS = {"bank", "realtime", "monotonic"};
  private static final String[] NEMESIS_PAIRS = {
    "skew,partition",
    "kill,strobe",
    "leader-transfer,bigskew",
    "partition,kill",
    "strobe,leader-transfer",
    "bigskew,skew",
    "kill,partition"
  };

  @TempDir Path dir;

  @Test
  void runsWithMixedNemesesFindNoAnomalyAndTheNegativeControlIsCaught() throws Exception {
    Duration each = Duration.ofSeconds(Long.getLong("cesium.consistency.seconds", 60));
    List<SummaryTable.Row> rows = new ArrayList<>();
    try (ConsistencyCluster cluster = ConsistencyCluster.start(dir.resolve("suite"), 0, true)) {
      for (int i = 0; i < RUNS; i++) {
        rows.add(run(cluster, i, each));
      }
    }
    WorkloadResult control = NegativeControl.run(dir.resolve("control"), each, 42);
    Path summary = SummaryTable.write(rows, control, NegativeControl.caught(control), each);
    LOG.info("summary written to {}", summary);
    for (SummaryTable.Row row : rows) {
      assertTrue(row.result().valid(), "run " + row.run() + ": " + row.result().anomalies());
    }
    assertTrue(NegativeControl.caught(control), "negative control not caught: " + control);
  }

  /**
   * The "including runs that killed every node once": bank transfers while the kill nemesis
   * alone takes down every node in turn (a node killed least often goes next), each restarted from
   * its data directory; the final read must still find the initial total.
   */
  @Test
  void noTransferIsLostWhenEveryNodeIsKilledOnce() {
    try (ConsistencyCluster cluster = ConsistencyCluster.start(dir.resolve("kill"), 0, true)) {
      long seed = 424_242L;
      WorkloadSpec spec =
          cluster
              .spec("bank", "kill-every-node-bank", seed)
              .duration(Duration.ofSeconds(120))
              .nemesisInterval(Duration.ofSeconds(5))
              .build();
      WorkloadResult r = cluster.run(spec, cluster.nemeses("kill", seed));
      List<String> killed = NemesisLog.read(r.history().orElseThrow()).killed();
      LOG.info("kill-every-node bank, killed {}: {} {}", killed, r.verdict(), r.stats());
      assertTrue(r.valid(), "bank with every node killed: " + r.anomalies());
      assertTrue(new HashSet<>(killed).size() >= 3, "not every node was killed: " + killed);
    }
  }

  private SummaryTable.Row run(ConsistencyCluster cluster, int i, Duration each) {
    String workload = WORKLOADS[i % WORKLOADS.length];
    String nemeses = NEMESIS_PAIRS[i % NEMESIS_PAIRS.length];
    long seed = 1_000_003L * (i + 1);
    WorkloadSpec spec =
        cluster
            .spec(workload, "run-" + i + "-" + workload, seed)
            .duration(each)
            .nemesisInterval(Duration.ofSeconds(5))
            .build();
    WorkloadResult r = cluster.run(spec, cluster.nemeses(nemeses, seed));
    long faults = NemesisLog.read(r.history().orElseThrow()).faults();
    LOG.info("run {} {} [{}] seed {}: {}", i, workload, nemeses, seed, r.verdict());
    return new SummaryTable.Row(i, workload, nemeses, seed, faults, r);
  }
}
