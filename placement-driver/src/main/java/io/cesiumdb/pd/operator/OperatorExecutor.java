package io.cesiumdb.pd.operator;

import java.util.concurrent.CompletableFuture;

/**
 * Carries out an {@link Operator} against the real cluster: membership changes and tablet creation
 * through the tablet RPC. Implemented by {@code controller.TabletOperatorExecutor}, driven by
 * {@code controller.OperatorController}; the decision layer only proposes.
 */
public interface OperatorExecutor {

  /**
   * Runs the operator's steps in order. The future completes when the last step took effect, or
   * fails (with a {@code CesiumException}) at the first step that did not; an operator whose epoch
   * is stale fails without running any step.
   */
  CompletableFuture<Void> execute(Operator operator);
}
