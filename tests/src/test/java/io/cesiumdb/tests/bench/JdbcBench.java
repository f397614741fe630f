package io.cesiumdb.tests.bench;

import io.cesiumdb.server.demo.LocalCluster;
import io.cesiumdb.server.node.AdminCredentials;
import io.cesiumdb.server.node.Node;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * SQL through the JDBC driver against 3 nodes in one JVM ({@code bin/bench jdbc [seconds] [runs]}):
 * a prepared point SELECT by primary key and a prepared single-row UPDATE, each in autocommit (the
 * SELECT as a lock-free read-only transaction, the UPDATE as a single-tablet read-write commit with
 * commit wait), with 1 and 8 clients, each client its own connection to one of the nodes. The table
 * has 1,000 rows over 4 tablets. Median run of several by p50. Not part of {@code mvn verify}.
 */
public final class JdbcBench {
  private static final int ROWS = 1_000;

  private JdbcBench() {}

  public static void main(String[] args) throws Exception {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path dir = Files.createTempDirectory("cesium-bench-jdbc");
    List<String> rows = new ArrayList<>();
    try (LocalCluster cluster =
        LocalCluster.builder()
            .nodes(3)
            .dataDir(dir)
            .pdConfig(c -> c.withPasswordHashIterations(1_000))
            .start()) {
      for (Node n : cluster.nodes()) {
        n.joined().get(60, TimeUnit.SECONDS);
      }
      AdminCredentials admin = cluster.bootstrapAdmin(Duration.ofSeconds(60));
      List<String> urls =
          cluster.nodeIds().stream()
              .map(id -> "jdbc:cesium://" + cluster.config(id).rpcAddress() + "/")
              .toList();
      Properties login = new Properties();
      login.setProperty("user", admin.user());
      login.setProperty("password", admin.password());
      load(urls.get(0), login);
      for (Workload w : Workload.values()) {
        for (int clients : new int[] {1, 8}) {
          measure(urls, login, w, clients, 1.0); // warm-up: plans cached, leaders settled
          List<Run> all = new ArrayList<>();
          for (int r = 0; r < runs; r++) {
            all.add(measure(urls, login, w, clients, seconds));
          }
          all.sort((a, b) -> Long.compare(a.p50(), b.p50()));
          rows.add(all.get(all.size() / 2).line(w, clients));
        }
      }
    }
    System.out.println(runs + " runs of " + seconds + " s, median by p50");
    System.out.println("| statement | clients | p50 ms | p99 ms | statements/s |");
    System.out.println("|---|---|---|---|---|");
    rows.forEach(System.out::println);
  }

  private enum Workload {
    POINT_SELECT("SELECT v FROM kv WHERE k = ?"),
    SINGLE_ROW_UPDATE("UPDATE kv SET v = v + 1 WHERE k = ?");

    final String sql;

    Workload(String sql) {
      this.sql = sql;
    }
  }

  private record Run(long p50, long p99, double perSecond) {
    String line(Workload w, int clients) {
      return String.format(
          Locale.ROOT,
          "| %s | %d | %.3f | %.3f | %.0f |",
          w.sql,
          clients,
          p50 / 1000.0,
          p99 / 1000.0,
          perSecond);
    }
  }

  private static void load(String url, Properties login) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, login);
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE kv (k INTEGER NOT NULL PRIMARY KEY, v BIGINT NOT NULL)"
              + " SPLIT AT ((250), (500), (750))");
      for (int base = 0; base < ROWS; base += 100) {
        StringBuilder values = new StringBuilder();
        for (int k = base; k < base + 100; k++) {
          values.append(k == base ? "" : ", ").append('(').append(k).append(", 0)");
        }
        s.executeUpdate("INSERT INTO kv VALUES " + values);
      }
    }
  }

  private static Run measure(
      List<String> urls, Properties login, Workload w, int clients, double seconds)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      long deadline = System.nanoTime() + (long) (seconds * 1e9);
      List<Future<Latencies>> futures = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        String url = urls.get(i % urls.size());
        futures.add(pool.submit(() -> client(url, login, w, deadline)));
      }
      Latencies all = new Latencies();
      for (Future<Latencies> f : futures) {
        all.addAll(f.get());
      }
      return new Run(all.percentile(50), all.percentile(99), all.count() / seconds);
    } finally {
      pool.shutdownNow();
    }
  }

  private static Latencies client(String url, Properties login, Workload w, long deadline)
      throws SQLException {
    Latencies l = new Latencies();
    try (Connection c = DriverManager.getConnection(url, login);
        PreparedStatement ps = c.prepareStatement(w.sql)) {
      while (System.nanoTime() < deadline) {
        ps.setInt(1, ThreadLocalRandom.current().nextInt(ROWS));
        long t0 = System.nanoTime();
        if (w == Workload.POINT_SELECT) {
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
          }
        } else {
          executeRetrying(ps);
        }
        l.add((System.nanoTime() - t0) / 1000);
      }
    }
    return l;
  }

  /** An UPDATE that lost a wound-wait conflict (40001) is retried, as an application would. */
  private static void executeRetrying(PreparedStatement ps) throws SQLException {
    while (true) {
      try {
        ps.executeUpdate();
        return;
      } catch (SQLException e) {
        if (!"40001".equals(e.getSQLState())) {
          throw e;
        }
      }
    }
  }
}
