package io.cesiumdb.server.workload.monotonic;

import io.cesiumdb.server.workload.Anomaly;
import io.cesiumdb.server.workload.Outcome;
import io.cesiumdb.server.workload.Retries;
import io.cesiumdb.server.workload.Sql;
import io.cesiumdb.server.workload.StatementCache;
import io.cesiumdb.server.workload.Workload;
import io.cesiumdb.server.workload.history.Op;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Table {@code mono_counters(k, v)} with keys 0..n-1 split over two tablets; an increment is one
 * autocommit UPDATE of a random key; a read returns every counter minus its value at setup.
 */
public final class MonotonicWorkload implements Workload {
  static final String TABLE = "mono_counters";

  private final int keys;
  private volatile Map<Long, Long> baseline = Map.of();

  public MonotonicWorkload(int keys) {
    this.keys = keys;
  }

  @Override
  public String name() {
    return "monotonic";
  }

  @Override
  public String writeF() {
    return "increment";
  }

  @Override
  public void setup(Connection c, boolean fresh) throws SQLException {
    try (Statement s = c.createStatement()) {
      if (fresh) {
        s.execute("DROP TABLE IF EXISTS " + TABLE);
      }
      String split = keys >= 2 ? " SPLIT AT ((" + keys / 2 + "))" : "";
      s.execute(
          "CREATE TABLE IF NOT EXISTS "
              + TABLE
              + " (k BIGINT NOT NULL PRIMARY KEY, v BIGINT NOT NULL)"
              + split);
      Map<Long, Long> current = all(c);
      for (long k = 0; k < keys; k++) {
        if (!current.containsKey(k)) {
          s.executeUpdate("INSERT INTO " + TABLE + " VALUES (" + k + ", 0)");
        }
      }
      baseline = Map.copyOf(all(c));
    }
  }

  private static Map<Long, Long> all(Connection c) throws SQLException {
    return Sql.longMap(c, "SELECT k, v FROM " + TABLE);
  }

  @Override
  public Object nextWrite(Random random) {
    return (long) random.nextInt(keys);
  }

  @Override
  public Outcome write(Connection c, Object args, Retries retries) throws SQLException {
    c.setAutoCommit(true);
    retries.attempt();
    PreparedStatement update =
        StatementCache.prepare(c, "UPDATE " + TABLE + " SET v = v + 1 WHERE k = ?");
    update.setLong(1, (Long) args);
    int n = update.executeUpdate();
    return n == 1 ? Outcome.ok(args) : Outcome.fail("updated " + n + " rows");
  }

  @Override
  public Object read(Connection c) throws SQLException {
    Map<Long, Long> raw = Sql.readOnly(c, MonotonicWorkload::all);
    Map<Long, Long> out = new TreeMap<>();
    Map<Long, Long> base = baseline;
    raw.forEach((k, v) -> out.put(k, v - base.getOrDefault(k, 0L)));
    return out;
  }

  @Override
  public List<Anomaly> check(List<Op> ops) {
    return MonotonicChecker.check(ops, keys);
  }

  @Override
  public double plotValue(Object readValue) {
    return ((Map<?, ?>) readValue).values().stream().mapToLong(v -> (Long) v).sum();
  }

  @Override
  public String plotLabel() {
    return "sum of counters";
  }
}
