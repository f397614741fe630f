package io.cesiumdb.tests.txn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.ByteString;
import io.cesiumdb.server.demo.LocalCluster;
import io.cesiumdb.server.node.Node;
import io.cesiumdb.tests.cluster.PdCalls;
import io.cesiumdb.tests.cluster.Tables;
import io.cesiumdb.truetime.EpsilonModel;
import io.cesiumdb.truetime.SimulatedClock;
import io.cesiumdb.txn.routing.KeyRouter;
import io.cesiumdb.txn.routing.RouterConfig;
import io.cesiumdb.txn.rw.Transactions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * External consistency of read-write transactions (single-tablet and two-phase commits) and of
 * read-only transactions, under clock skew within ε, on a 3-node in-process cluster: node clocks
 * are off by +ε/2, -ε/2 and 0 (second run: the first one strobes between -ε/2 and +ε/2), and the
 * client alternates randomly between the clocks of the first two nodes. A randomized sequence in
 * which each transaction starts after the previous one returned must show (a) commit timestamps
 * that increase, and (b) every read-only transaction seeing the last committed value of the keys it
 * reads, at a timestamp above the last commit. The negative control (commit wait off, the same kind
 * of check finds violations) is {@code tablet-server}'s {@code ExternalConsistencyIT}: commit wait
 * is one mechanism at apply for both kinds of commit.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ExternalConsistencyTxnIT {
  private static final long EPSILON_MICROS = 10_000;
  private static final int TXNS = 300;
  private static final long SEED = 5_2026_1122L;
  private static final List<String> KEYS = List.of("b", "d", "f", "h", "j", "l", "n", "p");

  @TempDir Path dir;

  @Test
  void commitsAndReadOnlyTransactionsRespectRealTimeUnderFixedSkew() throws Exception {
    assertEquals(List.of(), violations(false), "seed " + SEED);
  }

  @Test
  void commitsAndReadOnlyTransactionsRespectRealTimeUnderAStrobingClock() throws Exception {
    assertEquals(List.of(), violations(true), "seed " + SEED);
  }

  private List<String> violations(boolean strobe) throws Exception {
    try (LocalCluster cluster = LocalCluster.builder().nodes(3).dataDir(dir).start()) {
      for (Node n : cluster.nodes()) {
        n.joined().get(60, TimeUnit.SECONDS);
      }
      skew(cluster, strobe);
      List<String> addresses =
          cluster.nodeIds().stream().map(id -> cluster.config(id).rpcAddress()).toList();
      try (PdCalls pd = new PdCalls(addresses);
          KeyRouter router =
              KeyRouter.builder()
                  .placementAddresses(addresses)
                  .config(RouterConfig.defaults().withOverallDeadline(Duration.ofSeconds(20)))
                  .build();
          Transactions ahead = new Transactions(router, cluster.node("n1").trueTime());
          Transactions behind = new Transactions(router, cluster.node("n2").trueTime())) {
        long ks =
            Tables.create(pd, "ext", List.of(key("e"), key("i"), key("m"))).getTable().getTableId();
        return run(ks, new Transactions[] {ahead, behind});
      }
    }
  }

  private static void skew(LocalCluster cluster, boolean strobe) {
    for (String id : cluster.nodeIds()) {
      cluster.clock(id).setEpsilonModel(EpsilonModel.fixed(EPSILON_MICROS));
    }
    SimulatedClock first = cluster.clock("n1");
    first.setOffsetMicros(EPSILON_MICROS / 2);
    cluster.clock("n2").setOffsetMicros(-EPSILON_MICROS / 2);
    if (strobe) {
      first.startStrobe(-EPSILON_MICROS / 2, EPSILON_MICROS / 2, 3 * EPSILON_MICROS);
    }
  }

  private static List<String> run(long ks, Transactions[] clients) {
    SplittableRandom random = new SplittableRandom(SEED);
    Map<String, Integer> committed = new HashMap<>();
    List<String> violations = new ArrayList<>();
    long lastCommitTs = 0;
    for (int i = 1; i <= TXNS; i++) {
      Transactions txns = clients[random.nextInt(clients.length)];
      if (random.nextInt(3) == 0 && !committed.isEmpty()) {
        readOnly(ks, txns, random, committed, lastCommitTs, i, violations);
        continue;
      }
      List<String> keys = pick(random, 1 + random.nextInt(3));
      int value = i;
      long ts =
          txns.retry(
                  tx -> {
                    keys.forEach(k -> tx.put(ks, key(k), num(value)));
                    return null;
                  })
              .commitTs();
      if (ts <= lastCommitTs) {
        violations.add("txn " + i + " " + keys + " committed at " + ts + " <= " + lastCommitTs);
      }
      lastCommitTs = Math.max(lastCommitTs, ts);
      keys.forEach(k -> committed.put(k, value));
    }
    return violations;
  }

  private static void readOnly(
      long ks,
      Transactions txns,
      SplittableRandom random,
      Map<String, Integer> committed,
      long lastCommitTs,
      int i,
      List<String> violations) {
    List<String> keys = new ArrayList<>(committed.keySet());
    String k = keys.get(random.nextInt(keys.size()));
    long[] readTs = new long[1];
    int seen =
        txns.readOnly(
            ro -> {
              readTs[0] = ro.readTs();
              return ro.read(ks, key(k)).map(b -> Integer.parseInt(b.toStringUtf8())).orElse(0);
            });
    if (seen != committed.get(k) || readTs[0] <= lastCommitTs) {
      violations.add(
          "read-only txn "
              + i
              + " at "
              + readTs[0]
              + " saw "
              + k
              + "="
              + seen
              + ", last commit "
              + committed.get(k)
              + " at <= "
              + lastCommitTs);
    }
  }

  private static List<String> pick(SplittableRandom random, int n) {
    List<String> out = new ArrayList<>();
    while (out.size() < n) {
      String k = KEYS.get(random.nextInt(KEYS.size()));
      if (!out.contains(k)) {
        out.add(k);
      }
    }
    return out;
  }

  private static ByteString key(String k) {
    return ByteString.copyFromUtf8(k);
  }

  private static ByteString num(int v) {
    return ByteString.copyFromUtf8(Integer.toString(v));
  }
}
