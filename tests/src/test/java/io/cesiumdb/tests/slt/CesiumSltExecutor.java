package io.cesiumdb.tests.slt;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import net.hydromatic.sqllogictest.ISqlTestOperation;
import net.hydromatic.sqllogictest.OptionsParser;
import net.hydromatic.sqllogictest.SltSqlStatement;
import net.hydromatic.sqllogictest.SltTestFile;
import net.hydromatic.sqllogictest.SqlTestQuery;
import net.hydromatic.sqllogictest.TestStatistics;
import net.hydromatic.sqllogictest.executors.JdbcExecutor;

/**
 * The library's JDBC executor, pointed at a CesiumDB cluster through our driver. It keeps the
 * library's parsing and its result check ({@link JdbcExecutor#validate}: SLT's value formatting,
 * sort modes and MD5 hashes) and changes three things: statements pass through a {@link
 * StatementRewriter} (CesiumDB needs a primary key on every table), a failed statement is recorded
 * and the file goes on (the library gives up on the file), and every query's outcome is kept, so a
 * run can be compared with the list of known failures. One connection per file; not thread-safe.
 */
final class CesiumSltExecutor extends JdbcExecutor {
  private static final OptionsParser.SuppliedOptions QUIET =
      new OptionsParser(false, System.out, System.err).getOptions();

  private static final String REMOTE = "Remote driver error: ";

  private final Predicate<String> skip;
  private final QueryListener listener;
  private boolean typeAliases;

  /**
   * An executor for {@code target} that does not run the queries {@code skip} accepts (by id) and
   * tells {@code listener} about every query.
   */
  CesiumSltExecutor(SltTarget target, Predicate<String> skip, QueryListener listener) {
    super(QUIET, target.url(), target.user(), target.password());
    this.skip = skip;
    this.listener = listener;
  }

  /** Rewrites FLOAT, REAL and TEXT columns from now on ({@link CreateTableSql#withTypeAliases}). */
  CesiumSltExecutor withTypeAliases(boolean on) {
    this.typeAliases = on;
    return this;
  }

  /**
   * Runs {@code resource} (e.g. {@code test/select1.test}): every statement, and its first {@code
   * maxQueries} queries except those in {@code decided} (outcomes known from an earlier attempt,
   * left out of the result).
   */
  FileRun run(String resource, int maxQueries, Set<String> decided)
      throws IOException, SQLException {
    long start = System.nanoTime();
    SltTestFile file = parse(resource);
    StatementRewriter rewriter = StatementRewriter.forStatements(statementsOf(file), typeAliases);
    Progress p = new Progress();
    establishConnection();
    try {
      for (ISqlTestOperation op : file.fileContents) {
        if (p.queriesSeen >= maxQueries) {
          break; // what follows the last query run cannot change a result
        }
        step(resource, op, rewriter, decided, p);
        if (listener.stopFile()) {
          p.stopped = true;
          break;
        }
      }
    } finally {
      if (!p.stopped) {
        dropTables(rewriter.createdTables());
      }
      closeConnection();
    }
    return new FileRun(
        nameOf(resource), p.queries, p.statements, p.bad, System.nanoTime() - start, p.stopped);
  }

  /** A file's run so far. */
  private static final class Progress {
    final List<QueryOutcome> queries = new ArrayList<>();
    final List<String> bad = new ArrayList<>();
    int statements;
    int queriesSeen;
    boolean stopped;
  }

  private void step(
      String resource,
      ISqlTestOperation op,
      StatementRewriter rewriter,
      Set<String> decided,
      Progress p) {
    SltSqlStatement stat = op.as(SltSqlStatement.class);
    if (stat != null) {
      p.statements++;
      statement(rewriter.rewrite(stat.statement), stat.shouldPass, p.bad);
      return;
    }
    String id = idOf(resource, ++p.queriesSeen);
    if (!decided.contains(id)) {
      listener.started(id);
      p.queries.add(listener.finished(query(id, op.to(QUIET.err, SqlTestQuery.class))));
    }
  }

  /** The first {@code maxQueries} queries of {@code resource} not in {@code decided}, not run. */
  static List<QueryOutcome> notRun(
      String resource, int maxQueries, Set<String> decided, String reason) throws IOException {
    List<QueryOutcome> out = new ArrayList<>();
    int n = 0;
    for (ISqlTestOperation op : parse(resource).fileContents) {
      SqlTestQuery q = op.as(SqlTestQuery.class);
      if (q != null && n < maxQueries && !decided.contains(idOf(resource, ++n))) {
        out.add(
            new QueryOutcome(
                idOf(resource, n), q.getQuery(), QueryOutcome.Status.SKIPPED, reason, 0));
      }
    }
    return out;
  }

  private static SltTestFile parse(String resource) throws IOException {
    SltTestFile file = new SltTestFile(resource);
    file.parse(QUIET);
    return file;
  }

  /** {@code select1.test} for {@code test/select1.test}: the file's name in ids and reports. */
  static String nameOf(String resource) {
    return resource.substring(resource.indexOf('/') + 1);
  }

  private static String idOf(String resource, int n) {
    return nameOf(resource) + "#" + n;
  }

  private static List<KeyPlanner.Statement> statementsOf(SltTestFile file) {
    List<KeyPlanner.Statement> out = new ArrayList<>();
    for (ISqlTestOperation op : file.fileContents) {
      SltSqlStatement s = op.as(SltSqlStatement.class);
      if (s != null) {
        out.add(new KeyPlanner.Statement(s.statement, s.shouldPass));
      }
    }
    return out;
  }

  private void statement(String sql, boolean shouldPass, List<String> bad) {
    try (Statement s = getConnection().createStatement()) {
      s.execute(sql);
      if (!shouldPass) {
        bad.add(sql + " -- succeeded, expected an error");
      }
    } catch (SQLException e) {
      if (shouldPass) {
        bad.add(sql + " -- " + describe(e));
      }
    }
  }

  private QueryOutcome query(String id, SqlTestQuery q) {
    String sql = q.getQuery();
    long start = System.nanoTime();
    if (skip.test(id)) {
      return new QueryOutcome(
          id, sql, QueryOutcome.Status.SKIPPED, "not run (known-failures list)", 0);
    }
    try (Statement s = getConnection().createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      TestStatistics stats = new TestStatistics(false, 0);
      validate(q, rs, q.outputDescription, stats);
      long nanos = System.nanoTime() - start;
      if (stats.getFailedTestCount() == 0) {
        return new QueryOutcome(id, sql, QueryOutcome.Status.PASSED, "", nanos);
      }
      return new QueryOutcome(id, sql, QueryOutcome.Status.WRONG_RESULT, mismatch(stats), nanos);
    } catch (SQLException | RuntimeException | NoSuchAlgorithmException e) {
      return new QueryOutcome(
          id, sql, QueryOutcome.Status.ERROR, describe(e), System.nanoTime() - start);
    }
  }

  /** The library's first line about the failure, e.g. "Hash of data does not match ...". */
  private static String mismatch(TestStatistics stats) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    stats.printStatistics(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
      if (line.startsWith("ERROR: ")) {
        return line.substring("ERROR: ".length());
      }
    }
    return "result differs";
  }

  /**
   * "SQLSTATE message" of an error, without the driver's echo of the statement ({@code Error while
   * executing SQL "...": Remote driver error:}), so errors group by kind.
   */
  static String describe(Exception e) {
    String state = e instanceof SQLException sql ? sql.getSQLState() : null;
    String message = String.valueOf(e.getMessage()).replace('\n', ' ').strip();
    int remote = message.indexOf(REMOTE);
    if (remote >= 0) {
      message = message.substring(remote + REMOTE.length());
    }
    return (state == null ? e.getClass().getSimpleName() : state) + " " + message;
  }

  @Override
  public void closeConnection() {
    try {
      super.closeConnection();
    } catch (SQLException e) {
      QUIET.err.println("slt: closing the connection: " + describe(e));
    }
  }

  private void dropTables(List<String> tables) {
    for (int i = tables.size() - 1; i >= 0; i--) {
      try (Statement s = getConnection().createStatement()) {
        s.execute("DROP TABLE IF EXISTS " + tables.get(i));
      } catch (SQLException e) {
        QUIET.err.println("slt: could not drop " + tables.get(i) + ": " + describe(e));
      }
    }
  }
}
