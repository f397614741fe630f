package io.cesiumdb.pd.controller;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.pd.meta.MetaResult;
import io.cesiumdb.pd.meta.MetaState;
import io.cesiumdb.proto.placement.MetaCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Test fixture: a {@link MetaLog} over one in-memory {@link MetaState}; commands apply at once, in
 * call order. The clock is set by the test; a follower refuses writes with NOT_LEADER.
 */
final class InMemoryMetaLog implements MetaLog {
  private final MetaState state = new MetaState();
  private final List<MetaCommand> committed = new ArrayList<>();
  private volatile boolean leader = true;
  private volatile long nowMicros;

  @Override
  public synchronized <T> T read(Function<MetaState, T> fn) {
    return fn.apply(state);
  }

  @Override
  public synchronized CompletableFuture<MetaResult> submit(MetaCommand command) {
    if (!leader) {
      return CompletableFuture.failedFuture(
          new CesiumException(ErrorCode.NOT_LEADER, "in-memory log is a follower"));
    }
    committed.add(command);
    return CompletableFuture.completedFuture(state.apply(command));
  }

  /** Applies {@code command} as test setup (also at a follower) and returns its payload. */
  synchronized <T> T apply(MetaCommand command, Class<T> type) {
    return state.apply(command).value(type);
  }

  /** The commands submitted so far, of one kind. */
  synchronized List<MetaCommand> committed(MetaCommand.CommandCase kind) {
    return committed.stream().filter(c -> c.getCommandCase() == kind).toList();
  }

  @Override
  public boolean isLeader() {
    return leader;
  }

  void setLeader(boolean isLeader) {
    leader = isLeader;
  }

  @Override
  public long nowMicros() {
    return nowMicros;
  }

  void setNowSeconds(long seconds) {
    nowMicros = seconds * 1_000_000L;
  }

  void setNowMillis(long millis) {
    nowMicros = millis * 1_000L;
  }
}
