package io.cesiumdb.server.workload.realtime;

import io.cesiumdb.server.workload.Anomaly;
import io.cesiumdb.server.workload.Outcome;
import io.cesiumdb.server.workload.Retries;
import io.cesiumdb.server.workload.Sql;
import io.cesiumdb.server.workload.StatementCache;
import io.cesiumdb.server.workload.Workload;
import io.cesiumdb.server.workload.history.Op;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tables {@code rt_i(id)}; insert {@code id} goes to table {@code id mod tables}. Without {@code
 * --fresh} the run's ids start above every id already stored, and reads ignore the older ones.
 */
public final class RealtimeWorkload implements Workload {
  private final int tables;
  private final AtomicLong nextId = new AtomicLong();
  private volatile long baseId;

  public RealtimeWorkload(int tables) {
    this.tables = tables;
  }

  static String table(long id, int tables) {
    return "rt_" + Math.floorMod(id, tables);
  }

  @Override
  public String name() {
    return "realtime";
  }

  @Override
  public String writeF() {
    return "insert";
  }

  @Override
  public void setup(Connection c, boolean fresh) throws SQLException {
    long max = -1;
    try (Statement s = c.createStatement()) {
      for (int i = 0; i < tables; i++) {
        if (fresh) {
          s.execute("DROP TABLE IF EXISTS rt_" + i);
        }
        s.execute("CREATE TABLE IF NOT EXISTS rt_" + i + " (id BIGINT NOT NULL PRIMARY KEY)");
        try (ResultSet rs = s.executeQuery("SELECT MAX(id) FROM rt_" + i)) {
          if (rs.next() && rs.getObject(1) != null) {
            max = Math.max(max, rs.getLong(1));
          }
        }
      }
    }
    baseId = max + 1;
    nextId.set(baseId);
  }

  @Override
  public Object nextWrite(Random random) {
    return nextId.getAndIncrement();
  }

  @Override
  public Outcome write(Connection c, Object args, Retries retries) throws SQLException {
    long id = (Long) args;
    c.setAutoCommit(true);
    retries.attempt();
    PreparedStatement insert =
        StatementCache.prepare(c, "INSERT INTO " + table(id, tables) + " (id) VALUES (?)");
    insert.setLong(1, id);
    insert.executeUpdate();
    return Outcome.ok(id);
  }

  @Override
  public Object read(Connection c) throws SQLException {
    return Sql.readOnly(
        c,
        conn -> {
          long[] ids = new long[64];
          int n = 0;
          for (int i = 0; i < tables; i++) {
            PreparedStatement q =
                StatementCache.prepare(conn, "SELECT id FROM rt_" + i + " WHERE id >= ?");
            q.setLong(1, baseId);
            try (ResultSet rs = q.executeQuery()) {
              while (rs.next()) {
                ids = n == ids.length ? Arrays.copyOf(ids, 2 * n) : ids;
                ids[n++] = rs.getLong(1);
              }
            }
          }
          long[] out = Arrays.copyOf(ids, n);
          Arrays.sort(out);
          return out;
        });
  }

  @Override
  public List<Anomaly> check(List<Op> ops) {
    return RealtimeChecker.check(ops);
  }

  @Override
  public double plotValue(Object readValue) {
    return ((long[]) readValue).length;
  }

  @Override
  public String plotLabel() {
    return "rows seen";
  }
}
