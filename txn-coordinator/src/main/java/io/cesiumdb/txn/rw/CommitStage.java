package io.cesiumdb.txn.rw;

/**
 * One step of committing a transaction ({@link CommitPipeline} runs them in order). A stage reads
 * and fills {@link CommitContext}; it throws a {@link io.cesiumdb.common.error.CesiumException} to
 * end the commit, after undoing what it must (a stage that fails after prepares aborts them).
 */
interface CommitStage {
  void run(CommitContext c);
}
