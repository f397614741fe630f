package io.cesiumdb.tests.slt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code bin/slt}: runs sqllogictest suites (default {@link SltSuites#DEFAULT}) against a 3-node
 * cluster in a child process and writes {@code summary.md} and {@code failures.tsv} into the output
 * directory after every file, so a long run can be read while it goes. A query over the per-query
 * budget costs a cluster restart, after which its file resumes (statements re-run, decided queries
 * not); after {@code --max-restarts} in one file, its remaining queries are recorded as not run.
 * Progress goes to stderr, a line per file.
 *
 * <p>Options: {@code --out DIR} (target/slt), {@code --max-queries N} per file (all), {@code
 * --budget SECONDS} per query (60), {@code --max-restarts N} per file (5), {@code --heap SIZE} of
 * the cluster process (1g), {@code --type-aliases} (declare FLOAT/REAL columns DOUBLE and TEXT ones
 * VARCHAR, which CesiumDB lacks; off: a run with it measures queries past that gap, and says so).
 */
public final class SltRunner {
  private final Options options;
  private final KnownFailures known = KnownFailures.load();
  private final SltReport report;

  private SltRunner(Options options) {
    this.options = options;
    this.report = new SltReport(known, options.command());
  }

  /** Entry point of {@code bin/slt}; exits 0 when the run completed, whatever the pass rate. */
  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    Files.createDirectories(options.out());
    SltRunner runner = new SltRunner(options);
    try (RestartingCluster cluster =
            new RestartingCluster(
                options.out(), options.heap(), options.out().resolve("engine.log"));
        QueryBudget budget = new QueryBudget(options.budgetSeconds())) {
      for (String suite : options.suites()) {
        runner.runSuite(suite, cluster, budget);
      }
      System.err.println(
          "slt: " + runner.report.headline() + ", " + cluster.restarts() + " cluster restarts");
    }
    System.err.println("slt: see " + options.out().toAbsolutePath());
    System.exit(0);
  }

  private void runSuite(String suite, RestartingCluster cluster, QueryBudget budget)
      throws IOException, InterruptedException {
    List<String> files = SltSuites.files(suite);
    if (files.isEmpty()) {
      System.err.println("slt: no test files for suite " + suite);
    }
    for (String file : files) {
      try {
        FileRun run = runFile(file, cluster, budget);
        report.add(reportedSuite(suite), run);
        System.err.println("slt: " + SltReport.line(run));
      } catch (SQLException | RuntimeException e) {
        report.fileFailed(reportedSuite(suite), file, CesiumSltExecutor.describe(e));
        System.err.println("slt: " + file + " did not run: " + CesiumSltExecutor.describe(e));
      }
      report.write(options.out());
    }
  }

  /** Runs one file, resuming it on a fresh cluster after each runaway query. */
  private FileRun runFile(String file, RestartingCluster cluster, QueryBudget budget)
      throws IOException, InterruptedException, SQLException {
    TreeMap<Integer, QueryOutcome> decided = new TreeMap<>();
    Set<String> bad = new LinkedHashSet<>();
    int statements = 0;
    long nanos = 0;
    for (int restarts = 0; ; restarts++) {
      budget.attach(cluster.current());
      CesiumSltExecutor executor =
          new CesiumSltExecutor(cluster.current().target(), known::skips, budget)
              .withTypeAliases(options.typeAliases());
      FileRun run = executor.run(file, options.maxQueries(), ids(decided));
      run.queries().forEach(o -> decided.put(ordinal(o.id()), o));
      bad.addAll(run.badStatements());
      statements = Math.max(statements, run.statementsRun());
      nanos += run.nanos();
      if (!run.stopped()) {
        break;
      }
      cluster.discard();
      if (restarts + 1 >= options.maxRestarts()) {
        String why = "not run: file abandoned after " + (restarts + 1) + " runaway queries";
        CesiumSltExecutor.notRun(file, options.maxQueries(), ids(decided), why)
            .forEach(o -> decided.put(ordinal(o.id()), o));
        break;
      }
    }
    return new FileRun(
        CesiumSltExecutor.nameOf(file),
        new ArrayList<>(decided.values()),
        statements,
        new ArrayList<>(bad),
        nanos,
        false);
  }

  /** {@code index} for {@code index/between/10}: parts of a suite are reported with it. */
  private static String reportedSuite(String suite) {
    int slash = suite.indexOf('/');
    return slash < 0 ? suite : suite.substring(0, slash);
  }

  private static Set<String> ids(TreeMap<Integer, QueryOutcome> decided) {
    Set<String> ids = new LinkedHashSet<>();
    decided.values().forEach(o -> ids.add(o.id()));
    return ids;
  }

  private static int ordinal(String id) {
    return Integer.parseInt(id.substring(id.lastIndexOf('#') + 1));
  }

  /** The arguments as the report quotes them: without {@code --out DIR}, a local path. */
  private static String commandOf(String[] args) {
    List<String> shown = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--out")) {
        i++;
      } else {
        shown.add(args[i]);
      }
    }
    return String.join(" ", shown);
  }

  /** The command line of {@code bin/slt}. */
  record Options(
      Path out,
      int maxQueries,
      long budgetSeconds,
      int maxRestarts,
      String heap,
      boolean typeAliases,
      List<String> suites,
      String command) {
    static Options parse(String[] args) {
      Path out = Path.of("target", "slt");
      int maxQueries = Integer.MAX_VALUE;
      long budget = 60;
      int maxRestarts = 5;
      String heap = "1g";
      boolean typeAliases = false;
      List<String> suites = new ArrayList<>();
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--out" -> out = Path.of(args[++i]);
          case "--max-queries" -> maxQueries = Integer.parseInt(args[++i]);
          case "--budget" -> budget = Long.parseLong(args[++i]);
          case "--max-restarts" -> maxRestarts = Integer.parseInt(args[++i]);
          case "--heap" -> heap = args[++i];
          case "--type-aliases" -> typeAliases = true;
          default -> suites.add(args[i]);
        }
      }
      return new Options(
          out,
          maxQueries,
          budget,
          maxRestarts,
          heap,
          typeAliases,
          suites.isEmpty() ? SltSuites.DEFAULT : List.copyOf(suites),
          commandOf(args));
    }
  }
}
