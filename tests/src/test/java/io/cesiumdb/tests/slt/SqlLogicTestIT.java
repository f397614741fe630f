package io.cesiumdb.tests.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI slice of SQLite's sqllogictest corpus: the first {@value #SUBSET} queries of {@code
 * select1.test} through the JDBC driver against a 3-node cluster, with no failure that {@code
 * slt/known-failures.tsv} does not list and no listed query passing. The whole corpus runs with
 * {@code bin/slt} (docs/conformance.md). A control file shows the harness can fail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SqlLogicTestIT {
  static final int SUBSET = 400;

  @TempDir static Path dir;
  private SltCluster cluster;
  private CesiumSltExecutor executor;

  @BeforeAll
  void start() throws Exception {
    cluster = SltCluster.start(dir.resolve("data"));
    executor = new CesiumSltExecutor(cluster.target(), id -> false, QueryListener.NONE);
  }

  @AfterAll
  void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void select1SliceHasNoUnexpectedFailures() throws Exception {
    FileRun run = executor.run("test/select1.test", SUBSET, Set.of());
    KnownFailures known = KnownFailures.load();
    assertEquals(SUBSET, run.queries().size(), "queries run");
    assertEquals(List.of(), run.badStatements(), "statements that misbehaved");
    List<String> unexpected = known.unexpected(run);
    assertTrue(
        unexpected.isEmpty(),
        unexpected.size()
            + " failures not in "
            + KnownFailures.RESOURCE
            + ":\n"
            + String.join("\n", unexpected));
    List<String> fixed = known.nowPassing(run);
    assertTrue(fixed.isEmpty(), "now passing, drop from " + KnownFailures.RESOURCE + ": " + fixed);
  }

  @Test
  void theHarnessReportsWrongResultsErrorsAndMisbehavingStatements() throws Exception {
    FileRun run = executor.run("slt/control.test", Integer.MAX_VALUE, Set.of());
    Map<String, QueryOutcome.Status> status =
        run.queries().stream().collect(Collectors.toMap(QueryOutcome::id, QueryOutcome::status));
    assertEquals(
        Map.of(
            "control.test#1", QueryOutcome.Status.PASSED,
            "control.test#2", QueryOutcome.Status.WRONG_RESULT,
            "control.test#3", QueryOutcome.Status.ERROR,
            "control.test#4", QueryOutcome.Status.PASSED),
        status,
        () -> run.queries().toString());
    assertEquals(1, run.badStatements().size(), run.badStatements()::toString);
    assertTrue(
        run.badStatements().get(0).startsWith("INSERT INTO no_such_table"),
        run.badStatements()::toString);
    assertEquals(8, run.statementsRun());
  }
}
