package io.cesiumdb.tests.slt;

import java.util.List;

/**
 * One suite's counts in a run.
 *
 * @param files files that ran
 * @param queries queries run
 * @param passed queries whose results matched SQLite's
 * @param wrong queries that ran and returned other results
 * @param errors queries the engine refused or failed
 * @param known failures named in the known-failures list
 * @param badStatements statements that did not do what the file expects
 * @param nanos time spent on the suite's files
 */
record SuiteTotals(
    int files,
    long queries,
    long passed,
    long wrong,
    long errors,
    long known,
    long badStatements,
    long nanos) {
  static SuiteTotals of(List<FileRun> runs, KnownFailures knownFailures) {
    long q = 0;
    long p = 0;
    long w = 0;
    long e = 0;
    long k = 0;
    long b = 0;
    long n = 0;
    for (FileRun r : runs) {
      for (QueryOutcome o : r.queries()) {
        q++;
        p += o.passed() ? 1 : 0;
        w += o.status() == QueryOutcome.Status.WRONG_RESULT ? 1 : 0;
        e += o.status() == QueryOutcome.Status.ERROR ? 1 : 0;
        k += !o.passed() && knownFailures.contains(o.id()) ? 1 : 0;
      }
      b += r.badStatements().size();
      n += r.nanos();
    }
    return new SuiteTotals(runs.size(), q, p, w, e, k, b, n);
  }

  String passRate() {
    return SltReport.percent(passed, queries);
  }
}
