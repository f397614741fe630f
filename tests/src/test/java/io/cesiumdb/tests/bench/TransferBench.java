package io.cesiumdb.tests.bench;

import io.cesiumdb.server.cli.DemoCredentials;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;

/**
 * Where one bank transfer's time goes, statement by statement ({@code bin/bench transfer [url]
 * [transfers] [runs]}): one client, nothing else running, against a cluster that already holds the
 * bank workload's table ({@code cesium demo}, then {@code cesium workload bank --fresh} once). Each
 * transfer is the workload's: the two-row SELECT, two UPDATEs, COMMIT, in one serializable
 * transaction; the rows are written back unchanged, so the total never moves. The password comes
 * from {@code CESIUM_PASSWORD}, else {@code ./cesium-data/demo-credentials}. Median run by the
 * transfer's p50. Not part of {@code mvn verify}.
 */
public final class TransferBench {
  private static final String[] STEPS = {
    "SELECT (2 rows)", "UPDATE", "UPDATE", "COMMIT", "transfer"
  };

  private TransferBench() {}

  public static void main(String[] args) throws Exception {
    String url = args.length > 0 ? args[0] : "jdbc:cesium://127.0.0.1:7101/";
    int transfers = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    Properties login = new Properties();
    login.setProperty("user", "cesium");
    login.setProperty("password", password());
    try (Connection c = DriverManager.getConnection(url, login)) {
      c.setAutoCommit(false);
      run(c, 50, new Random(0)); // warm-up: plans cached, leaders settled, JIT
      List<Latencies[]> all = new ArrayList<>();
      for (int r = 0; r < runs; r++) {
        all.add(run(c, transfers, new Random(r + 1)));
      }
      all.sort((a, b) -> Long.compare(a[4].percentile(50), b[4].percentile(50)));
      print(all.get(all.size() / 2), runs, transfers);
    }
  }

  private static String password() {
    String env = System.getenv("CESIUM_PASSWORD");
    if (env != null && !env.isEmpty()) {
      return env;
    }
    return DemoCredentials.read(Path.of("cesium-data"))
        .orElseThrow(
            () -> new IllegalStateException("set CESIUM_PASSWORD or run in the demo's directory"));
  }

  private static Latencies[] run(Connection c, int n, Random random) throws SQLException {
    Latencies[] l = new Latencies[STEPS.length];
    for (int i = 0; i < l.length; i++) {
      l[i] = new Latencies();
    }
    try (PreparedStatement q =
            c.prepareStatement("SELECT id, balance FROM bank_accounts WHERE id = ? OR id = ?");
        PreparedStatement u =
            c.prepareStatement("UPDATE bank_accounts SET balance = ? WHERE id = ?")) {
      for (int i = 0; i < n; i++) {
        long from = random.nextInt(100);
        long to = (from + 1 + random.nextInt(99)) % 100;
        long[] t = new long[5];
        t[0] = System.nanoTime();
        Map<Long, Long> balances = select(q, from, to);
        t[1] = System.nanoTime();
        update(u, from, balances.get(from));
        t[2] = System.nanoTime();
        update(u, to, balances.get(to));
        t[3] = System.nanoTime();
        c.commit();
        t[4] = System.nanoTime();
        for (int s = 0; s < 4; s++) {
          l[s].add((t[s + 1] - t[s]) / 1000);
        }
        l[4].add((t[4] - t[0]) / 1000);
      }
    }
    return l;
  }

  private static Map<Long, Long> select(PreparedStatement q, long a, long b) throws SQLException {
    q.setLong(1, a);
    q.setLong(2, b);
    Map<Long, Long> out = new HashMap<>();
    try (ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getLong(1), rs.getLong(2));
      }
    }
    return out;
  }

  private static void update(PreparedStatement u, long id, long balance) throws SQLException {
    u.setLong(1, balance);
    u.setLong(2, id);
    u.executeUpdate();
  }

  private static void print(Latencies[] l, int runs, int transfers) {
    System.out.println(runs + " runs of " + transfers + " transfers, one client, median by p50");
    System.out.println("| step | p50 ms | p90 ms | max ms |");
    System.out.println("|---|---|---|---|");
    for (int s = 0; s < STEPS.length; s++) {
      System.out.println(
          String.format(
              Locale.ROOT,
              "| %s | %.2f | %.2f | %.2f |",
              STEPS[s],
              l[s].percentile(50) / 1000.0,
              l[s].percentile(90) / 1000.0,
              l[s].percentile(100) / 1000.0));
    }
  }
}
