package io.cesiumdb.tests.bench;

import io.cesiumdb.proto.tablet.TabletDescriptor;
import io.cesiumdb.proto.tablet.WriteRequest;
import io.cesiumdb.server.demo.LocalCluster;
import io.cesiumdb.server.node.Node;
import io.cesiumdb.server.node.NodeConfig;
import io.cesiumdb.server.node.NodeOptions;
import io.cesiumdb.tablet.replication.ReplicaInfo;
import io.cesiumdb.tests.cluster.NodeAddress;
import io.cesiumdb.tests.cluster.Tablets;
import io.cesiumdb.truetime.EpsilonModel;
import io.cesiumdb.txn.routing.BlockingTabletRouter;
import io.cesiumdb.txn.routing.TabletRouter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Single-tablet commit latency with commit wait at apply, at ε = 1, 4 and 7 ms (fixed on every
 * node): one writer, 3 nodes in one JVM ({@code bin/bench commit [seconds] [runs]}). The commit
 * wait share is measured where it happens, as the leader's apply-thread time in commit wait per
 * write ({@link ReplicaInfo#commitWaitNanos()}); the rest of the latency is replication (log
 * append, fsync on a majority, RPC). Not part of {@code mvn verify}.
 */
public final class CommitWaitBench {
  private CommitWaitBench() {}

  public static void main(String[] args) throws Exception {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path dir = Files.createTempDirectory("cesium-bench-commit");
    List<String> rows = new ArrayList<>();
    try (LocalCluster cluster =
            LocalCluster.start(3, NodeConfig.DEFAULT_HOST, 0, dir, NodeOptions.simulated());
        TabletRouter router = TabletRouter.builder().build()) {
      TabletDescriptor tablet = Tablets.create(Tablets.descriptor(7, 7, NodeAddress.all(cluster)));
      BlockingTabletRouter r = router.blocking();
      for (long epsMs : new long[] {1, 4, 7}) {
        cluster
            .nodeIds()
            .forEach(id -> cluster.clock(id).setEpsilonModel(EpsilonModel.fixed(epsMs * 1000)));
        for (int i = 0; i < 50; i++) {
          r.write(tablet, request("warm-" + epsMs + "-" + i));
        }
        List<Row> all = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
          all.add(measure(cluster, r, tablet, epsMs, seconds));
        }
        all.sort((a, b) -> Long.compare(a.p50Micros, b.p50Micros));
        rows.add(all.get(all.size() / 2).line());
      }
    }
    System.out.println(
        "| ε (fixed) | p50 ms | p99 ms | mean ms | of which commit wait ms | replication ms | writes/s |");
    System.out.println("|---|---|---|---|---|---|---|");
    rows.forEach(System.out::println);
  }

  private static Row measure(
      LocalCluster cluster,
      BlockingTabletRouter r,
      TabletDescriptor t,
      long epsMs,
      double seconds) {
    Latencies l = new Latencies();
    long waitBefore = leaderWaitNanos(cluster, t);
    long start = System.nanoTime();
    long deadline = start + (long) (seconds * 1e9);
    long totalMicros = 0;
    int n = 0;
    while (System.nanoTime() < deadline) {
      long t0 = System.nanoTime();
      r.write(t, request("k-" + epsMs + "-" + n));
      long us = (System.nanoTime() - t0) / 1000;
      l.add(us);
      totalMicros += us;
      n++;
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    double waitMs = (leaderWaitNanos(cluster, t) - waitBefore) / 1e6 / n;
    double meanMs = totalMicros / 1000.0 / n;
    return new Row(epsMs, l.percentile(50), l.percentile(99), meanMs, waitMs, n / elapsed);
  }

  /** The commit-wait time of the tablet's current leader (the replica that acknowledges). */
  private static long leaderWaitNanos(LocalCluster cluster, TabletDescriptor t) {
    long max = 0;
    for (Node n : cluster.nodes()) {
      var info = n.tablets().replicaInfo(t.getTabletId());
      if (info.isPresent() && info.get().leader()) {
        return info.get().commitWaitNanos();
      }
      max = Math.max(max, info.map(ReplicaInfo::commitWaitNanos).orElse(0L));
    }
    return max;
  }

  private static WriteRequest request(String key) {
    return WriteRequest.newBuilder().addMutations(Tablets.put(key, "value-" + key)).build();
  }

  private record Row(
      long epsMs, long p50Micros, long p99Micros, double meanMs, double waitMs, double perSecond) {
    String line() {
      return String.format(
          Locale.ROOT,
          "| %d ms | %.2f | %.2f | %.2f | %.2f | %.2f | %.0f |",
          epsMs,
          p50Micros / 1000.0,
          p99Micros / 1000.0,
          meanMs,
          waitMs,
          meanMs - waitMs,
          perSecond);
    }
  }
}
