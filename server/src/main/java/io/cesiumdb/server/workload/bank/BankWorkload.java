package io.cesiumdb.server.workload.bank;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Table {@code bank_accounts(id, balance)}: {@code accounts} rows split over three tablets, the
 * total spread evenly (the remainder on account 0). A transfer moves 1..5 from one account to
 * another in one transaction, and fails (skipped) when the source would go negative.
 */
public final class BankWorkload implements Workload {
  static final String TABLE = "bank_accounts";
  private static final int MAX_TRANSFER = 5;
  private static final int MAX_ATTEMPTS = 10;
  private static final int ROWS_PER_INSERT = 100;

  private final int accounts;
  private final long total;
  private Map<Long, Long> baseline = Map.of();

  public BankWorkload(int accounts, long total) {
    this.accounts = accounts;
    this.total = total;
  }

  @Override
  public String name() {
    return "bank";
  }

  @Override
  public String writeF() {
    return "transfer";
  }

  @Override
  public void setup(Connection c, boolean fresh) throws SQLException {
    try (Statement s = c.createStatement()) {
      if (fresh) {
        s.execute("DROP TABLE IF EXISTS " + TABLE);
      }
      s.execute(
          "CREATE TABLE IF NOT EXISTS "
              + TABLE
              + " (id BIGINT NOT NULL PRIMARY KEY, balance BIGINT NOT NULL)"
              + splits());
      long[] countAndSum = countAndSum(s);
      if (countAndSum[0] == 0) {
        load(s);
        countAndSum = countAndSum(s);
      }
      if (countAndSum[0] != accounts || countAndSum[1] != total) {
        throw new SQLException(
            TABLE
                + " holds "
                + countAndSum[0]
                + " accounts with total "
                + countAndSum[1]
                + ", not "
                + accounts
                + " with "
                + total
                + ": run with --fresh",
            "55000");
      }
    }
    // A run without --fresh starts from where the last one left the balances.
    baseline = Map.copyOf(readAll(c));
  }

  private String splits() {
    int a = accounts / 3;
    int b = 2 * accounts / 3;
    return a > 0 && b > a ? " SPLIT AT ((" + a + "), (" + b + "))" : "";
  }

  private void load(Statement s) throws SQLException {
    for (int base = 0; base < accounts; base += ROWS_PER_INSERT) {
      StringBuilder values = new StringBuilder();
      for (int id = base; id < Math.min(accounts, base + ROWS_PER_INSERT); id++) {
        long balance = BankChecker.initialBalance(id, accounts, total);
        values.append(id == base ? "" : ", ").append('(').append(id).append(", ");
        values.append(balance).append(')');
      }
      s.executeUpdate("INSERT INTO " + TABLE + " VALUES " + values);
    }
  }

  private static long[] countAndSum(Statement s) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(balance) FROM " + TABLE)) {
      rs.next();
      return new long[] {rs.getLong(1), rs.getLong(2)};
    }
  }

  @Override
  public Object nextWrite(Random random) {
    int from = random.nextInt(accounts);
    int to = (from + 1 + random.nextInt(accounts - 1)) % accounts;
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("from", (long) from);
    args.put("to", (long) to);
    args.put("amount", 1L + random.nextInt(MAX_TRANSFER));
    return args;
  }

  @Override
  public Outcome write(Connection c, Object args, Retries retries) throws SQLException {
    Map<?, ?> t = (Map<?, ?>) args;
    long from = (Long) t.get("from");
    long to = (Long) t.get("to");
    long amount = (Long) t.get("amount");
    c.setAutoCommit(false);
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      retries.attempt();
      try {
        return transfer(c, from, to, amount, args);
      } catch (SQLException e) {
        Sql.rollbackQuietly(c);
        if (!Sql.isRetryable(e)) {
          throw e;
        }
        retries.aborted();
      }
    }
    return Outcome.fail("aborted " + MAX_ATTEMPTS + " times");
  }

  private Outcome transfer(Connection c, long from, long to, long amount, Object args)
      throws SQLException {
    Map<Long, Long> balances = balances(c, from, to);
    Long fromBalance = balances.get(from);
    if (fromBalance == null || !balances.containsKey(to)) {
      Sql.rollbackQuietly(c);
      return Outcome.fail("account missing: " + balances.keySet());
    }
    if (fromBalance - amount < 0) {
      Sql.rollbackQuietly(c);
      return Outcome.fail("negative");
    }
    PreparedStatement update =
        StatementCache.prepare(c, "UPDATE " + TABLE + " SET balance = ? WHERE id = ?");
    update.setLong(1, fromBalance - amount);
    update.setLong(2, from);
    update.executeUpdate();
    update.setLong(1, balances.get(to) + amount);
    update.setLong(2, to);
    update.executeUpdate();
    c.commit();
    return Outcome.ok(args);
  }

  private static Map<Long, Long> balances(Connection c, long a, long b) throws SQLException {
    PreparedStatement q =
        StatementCache.prepare(c, "SELECT id, balance FROM " + TABLE + " WHERE id = ? OR id = ?");
    q.setLong(1, a);
    q.setLong(2, b);
    Map<Long, Long> out = new TreeMap<>();
    try (ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getLong(1), rs.getLong(2));
      }
    }
    return out;
  }

  @Override
  public Object read(Connection c) throws SQLException {
    return Sql.readOnly(c, BankWorkload::readAll);
  }

  private static Map<Long, Long> readAll(Connection c) throws SQLException {
    return Sql.longMap(c, "SELECT id, balance FROM " + TABLE);
  }

  @Override
  public List<Anomaly> check(List<Op> ops) {
    BankChecker checker =
        baseline.isEmpty()
            ? new BankChecker(accounts, total)
            : new BankChecker(accounts, total, baseline);
    return checker.check(ops);
  }

  @Override
  public double plotValue(Object readValue) {
    return BankChecker.sum((Map<?, ?>) readValue);
  }

  @Override
  public String plotLabel() {
    return "total";
  }
}
