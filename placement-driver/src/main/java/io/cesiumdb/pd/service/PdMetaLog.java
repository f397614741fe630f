package io.cesiumdb.pd.service;

import io.cesiumdb.pd.controller.MetaLog;
import io.cesiumdb.pd.meta.MetaResult;
import io.cesiumdb.pd.meta.MetaState;
import io.cesiumdb.proto.placement.MetaCommand;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** The controller's view of one PD member: its applied state, its log, its role and clock. */
final class PdMetaLog implements MetaLog {
  private final PlacementDriver pd;

  PdMetaLog(PlacementDriver pd) {
    this.pd = pd;
  }

  @Override
  public <T> T read(Function<MetaState, T> fn) {
    return pd.readLocal(fn);
  }

  @Override
  public CompletableFuture<MetaResult> submit(MetaCommand command) {
    return pd.submit(command);
  }

  @Override
  public boolean isLeader() {
    return pd.isReadyLeader();
  }

  @Override
  public long nowMicros() {
    return pd.nowMicros();
  }
}
