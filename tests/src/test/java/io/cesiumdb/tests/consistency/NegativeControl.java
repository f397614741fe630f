package io.cesiumdb.tests.consistency;

import io.cesiumdb.server.fault.FaultAdminClient;
import io.cesiumdb.server.workload.WorkloadResult;
import io.cesiumdb.server.workload.WorkloadSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The negative control: commit wait off (the test-only switch), a fixed ε of {@value #EPSILON_MS}
 * ms, node n1's clock {@code +ε} ahead (honest: within its ε), the realtime workload. Without
 * commit wait a write led by n1 is acknowledged while its timestamp is still up to 2ε in the
 * future, so a transaction that starts after the acknowledgement through an honest node can take a
 * smaller timestamp and miss it: the checker must report it. The wide ε makes that window far
 * longer than an operation, so the violation shows within seconds; the offset monitor's bound grows
 * with ε (2ε), so n1 is not fenced.
 */
final class NegativeControl {
  private static final Logger LOG = LoggerFactory.getLogger(NegativeControl.class);
  static final double EPSILON_MS = 250;

  private NegativeControl() {}

  static WorkloadResult run(Path dir, Duration duration, long seed) {
    try (ConsistencyCluster cluster = ConsistencyCluster.start(dir, EPSILON_MS, false)) {
      try (FaultAdminClient n1 = cluster.admin("n1")) {
        n1.setOffsetMicros(Math.round(EPSILON_MS * 1000));
      }
      WorkloadSpec spec =
          cluster
              .spec("realtime", "negative-control", seed)
              .duration(duration)
              .processes(6, 3)
              .build();
      WorkloadResult r = cluster.run(spec, List.of());
      LOG.info("negative control: {} {}; {}", r.verdict(), r.stats(), r.anomalies());
      return r;
    }
  }

  /** Whether {@code r} shows the external-consistency violation commit wait prevents. */
  static boolean caught(WorkloadResult r) {
    return r.anomalies().stream()
        .anyMatch(a -> a.type().equals("causal-reverse") || a.type().equals("stale-read"));
  }
}
