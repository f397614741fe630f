package io.cesiumdb.pd.controller;

import io.cesiumdb.pd.meta.MetaResult;
import io.cesiumdb.pd.meta.MetaState;
import io.cesiumdb.proto.placement.MetaCommand;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * What the leader-side actions need of the placement driver: its applied state, its log, whether it
 * leads, and its clock. The PD member implements it over its Ratis division; tests implement it
 * over an in-memory {@link MetaState}.
 */
public interface MetaLog {

  /** Runs {@code fn} over this member's applied state; {@code fn} must not keep the state. */
  <T> T read(Function<MetaState, T> fn);

  /**
   * Logs {@code command} through the PD group; completes with its result once applied here, fails
   * with NOT_LEADER at a follower.
   */
  CompletableFuture<MetaResult> submit(MetaCommand command);

  /** Whether this member leads the PD group and has applied every earlier-term entry. */
  boolean isLeader();

  /** The leader's clock in microseconds: the time base of heartbeats in the registry. */
  long nowMicros();
}
