package io.cesiumdb.tests.slt;

import java.util.List;

/**
 * One test file's run: the outcome of each query run, and the statements that did not do what the
 * file expects ({@code statement ok} failing, or {@code statement error} succeeding).
 *
 * @param file the corpus resource, e.g. {@code test/select1.test}
 * @param queries every query run, in file order
 * @param statementsRun how many statements ran
 * @param badStatements one line per statement that misbehaved: the statement and the error
 * @param nanos how long the file took
 * @param stopped whether the file stopped early because its cluster was lost
 */
record FileRun(
    String file,
    List<QueryOutcome> queries,
    int statementsRun,
    List<String> badStatements,
    long nanos,
    boolean stopped) {
  long passed() {
    return queries.stream().filter(QueryOutcome::passed).count();
  }
}
