package io.cesiumdb.tests.bench;

import com.google.protobuf.ByteString;
import io.cesiumdb.server.demo.LocalCluster;
import io.cesiumdb.server.node.Node;
import io.cesiumdb.tablet.replication.ReplicaInfo;
import io.cesiumdb.tests.cluster.PdCalls;
import io.cesiumdb.tests.cluster.Tables;
import io.cesiumdb.truetime.EpsilonModel;
import io.cesiumdb.txn.routing.KeyRouter;
import io.cesiumdb.txn.routing.RouterConfig;
import io.cesiumdb.txn.rw.Transaction;
import io.cesiumdb.txn.rw.Transactions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Commit latency of read-write transactions that write one key in each of N tablets (N = 1, 2, 5,
 * 10, 25, 50; N = 1 is a single-tablet commit, N ≥ 2 two-phase commit), the analogue of Spanner's
 * Table 4, on 3 nodes in one JVM with ε fixed ({@code bin/bench 2pc [seconds] [runs] [ε ms]}). One
 * client, one transaction at a time; the time measured is {@code commit()} alone (the writes are
 * buffered before). Median run of several. "Commit wait" is the time leaders' apply threads spent
 * in commit wait per transaction (the coordinator's decision, or the single tablet's commit); the
 * rest is replication and RPC. An optional fourth argument lists the participant counts ({@code
 * 1,2}). Not part of {@code mvn verify}.
 */
public final class TwoPhaseCommitBench {
  private static final int[] PARTICIPANTS = {1, 2, 5, 10, 25, 50};

  private TwoPhaseCommitBench() {}

  public static void main(String[] args) throws Exception {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    long epsMs = args.length > 2 ? Long.parseLong(args[2]) : 1;
    int[] participants =
        args.length > 3
            ? Arrays.stream(args[3].split(",")).mapToInt(Integer::parseInt).toArray()
            : PARTICIPANTS;
    Path dir = Files.createTempDirectory("cesium-bench-2pc");
    List<String> rows = new ArrayList<>();
    try (LocalCluster cluster = LocalCluster.builder().nodes(3).dataDir(dir).start()) {
      for (Node n : cluster.nodes()) {
        n.joined().get(60, TimeUnit.SECONDS);
      }
      cluster
          .nodeIds()
          .forEach(id -> cluster.clock(id).setEpsilonModel(EpsilonModel.fixed(epsMs * 1000)));
      List<String> addresses =
          cluster.nodeIds().stream().map(id -> cluster.config(id).rpcAddress()).toList();
      try (PdCalls pd = new PdCalls(addresses, Duration.ofMinutes(5));
          KeyRouter router =
              KeyRouter.builder()
                  .placementAddresses(addresses)
                  .config(RouterConfig.defaults().withOverallDeadline(Duration.ofSeconds(30)))
                  .build();
          Transactions txns = new Transactions(router, cluster.nodes().get(0).trueTime())) {
        List<ByteString> splits = new ArrayList<>();
        for (int t = 1; t < 50; t++) {
          splits.add(tabletKey(t));
        }
        long ks = Tables.create(pd, "bench2pc", splits).getTable().getTableId();
        for (int n : participants) {
          for (int i = 0; i < 20; i++) {
            commit(txns, ks, n, -i - 1); // warm-up: leaders elected, channels open
          }
          List<Run> all = new ArrayList<>();
          for (int run = 0; run < runs; run++) {
            long waitedBefore = leadersCommitWaitNanos(cluster);
            Run r = measure(txns, ks, n, seconds);
            all.add(r.withCommitWait(leadersCommitWaitNanos(cluster) - waitedBefore));
          }
          all.sort((a, b) -> Long.compare(a.p50Micros(), b.p50Micros()));
          Run m = all.get(all.size() / 2);
          rows.add(
              String.format(
                  Locale.ROOT,
                  "| %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.0f |",
                  n,
                  m.p50Micros() / 1000.0,
                  m.p99Micros() / 1000.0,
                  m.meanMicros() / 1000.0,
                  m.commitWaitMsPerTxn(),
                  m.meanMicros() / 1000.0 - m.commitWaitMsPerTxn(),
                  m.perSecond()));
        }
      }
    }
    System.out.println("ε = " + epsMs + " ms (fixed), " + runs + " runs of " + seconds + " s");
    System.out.println(
        "| participants | p50 ms | p99 ms | mean ms | of which commit wait ms | rest ms | commits/s |");
    System.out.println("|---|---|---|---|---|---|---|");
    rows.forEach(System.out::println);
  }

  private static Run measure(Transactions txns, long ks, int n, double seconds) {
    Latencies l = new Latencies();
    long start = System.nanoTime();
    long deadline = start + (long) (seconds * 1e9);
    long total = 0;
    int count = 0;
    while (System.nanoTime() < deadline) {
      long us = commit(txns, ks, n, count);
      l.add(us);
      total += us;
      count++;
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    return new Run(
        l.percentile(50), l.percentile(99), total / (double) count, count / elapsed, count, 0);
  }

  /** Buffers one write in each of the first {@code n} tablets; returns commit() in µs. */
  private static long commit(Transactions txns, long ks, int n, int seq) {
    try (Transaction tx = txns.begin()) {
      for (int t = 0; t < n; t++) {
        tx.put(
            ks,
            tabletKey(t).concat(ByteString.copyFromUtf8("/" + seq)),
            ByteString.copyFromUtf8("v"));
      }
      long t0 = System.nanoTime();
      tx.commit();
      return (System.nanoTime() - t0) / 1000;
    }
  }

  private record Run(
      long p50Micros,
      long p99Micros,
      double meanMicros,
      double perSecond,
      int count,
      long commitWaitNanos) {
    Run withCommitWait(long nanos) {
      return new Run(p50Micros, p99Micros, meanMicros, perSecond, count, nanos);
    }

    double commitWaitMsPerTxn() {
      return count == 0 ? 0 : commitWaitNanos / 1e6 / count;
    }
  }

  /** Apply-thread commit-wait time summed over the replicas that lead their tablet now. */
  private static long leadersCommitWaitNanos(LocalCluster cluster) {
    long sum = 0;
    for (Node n : cluster.nodes()) {
      for (long tablet : n.tablets().hostedTablets()) {
        sum +=
            n.tablets()
                .replicaInfo(tablet)
                .filter(ReplicaInfo::leader)
                .map(ReplicaInfo::commitWaitNanos)
                .orElse(0L);
      }
    }
    return sum;
  }

  /** A key in tablet {@code t} (tablet t covers [t, t+1) in this two-digit scheme). */
  private static ByteString tabletKey(int t) {
    return ByteString.copyFromUtf8(String.format(Locale.ROOT, "t%02d", t));
  }
}
