package io.cesiumdb.tests.slt;

/**
 * What one sqllogictest query did against CesiumDB.
 *
 * @param id {@code file#n}: the n-th query (from 1) the library parsed from the file, stable for a
 *     given corpus version; the known-failures list is keyed by it
 * @param sql the query as sent
 * @param status the verdict
 * @param detail the engine's error (SQLSTATE and message) or the library's mismatch report; empty
 *     when it passed
 * @param nanos how long it took, result check included
 */
record QueryOutcome(String id, String sql, Status status, String detail, long nanos) {
  /** A query's verdict. */
  enum Status {
    PASSED,
    /** It ran but rows, values or their hash differ from SQLite's. */
    WRONG_RESULT,
    /** The engine refused it or failed while running it. */
    ERROR,
    /**
     * Not run: the known-failures list says it harms the cluster (e.g. exhausts its memory). It
     * counts as failed.
     */
    SKIPPED
  }

  boolean passed() {
    return status == Status.PASSED;
  }
}
