package io.cesiumdb.tests.slt;

/**
 * Hooks a run into {@link CesiumSltExecutor}'s query loop: {@code bin/slt} uses them for the
 * per-query time budget and to stop a file whose cluster died. Called on the executor's thread.
 */
interface QueryListener {
  /** Runs every query and changes nothing. */
  QueryListener NONE = new QueryListener() {};

  /** Called just before the query {@code id} is sent. */
  default void started(String id) {}

  /** The outcome to record for a query that just finished (the listener may restate it). */
  default QueryOutcome finished(QueryOutcome outcome) {
    return outcome;
  }

  /** Whether the file must stop now, e.g. because the cluster is gone. */
  default boolean stopFile() {
    return false;
  }
}
