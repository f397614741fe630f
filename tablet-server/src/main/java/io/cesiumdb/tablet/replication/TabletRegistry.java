package io.cesiumdb.tablet.replication;

import io.cesiumdb.tablet.replication.apply.CommandDispatcher;
import io.cesiumdb.tablet.storage.MvccStore;
import io.cesiumdb.truetime.TrueTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.statemachine.StateMachine;

/**
 * Ratis' {@link StateMachine.Registry}: gives each tablet group its own {@link TabletStateMachine}
 * over the node's shared store, both for groups created at run time and for groups Ratis recovers
 * from {@code raft/} at start. Remembers them by tablet id.
 */
final class TabletRegistry implements StateMachine.Registry {
  private final MvccStore store;
  private final TrueTime clock;
  private final Executor worker;
  private final TabletStateMachine.SplitListener splits;
  private final Map<Long, TabletStateMachine> machines = new ConcurrentHashMap<>();

  private final boolean commitWait;

  TabletRegistry(
      MvccStore store,
      TrueTime clock,
      Executor worker,
      boolean commitWait,
      TabletStateMachine.SplitListener splits) {
    this.commitWait = commitWait;
    this.store = store;
    this.clock = clock;
    this.worker = worker;
    this.splits = splits;
  }

  @Override
  public StateMachine apply(RaftGroupId groupId) {
    long tabletId =
        TabletGroupIds.tabletId(groupId)
            .orElseThrow(() -> new IllegalArgumentException("not a tablet group: " + groupId));
    TabletStateMachine machine =
        new TabletStateMachine(
            tabletId,
            store,
            commitWait ? clock : null,
            clock,
            worker,
            CommandDispatcher.standard(),
            splits);
    machines.put(tabletId, machine);
    return machine;
  }

  Optional<TabletStateMachine> get(long tabletId) {
    return Optional.ofNullable(machines.get(tabletId));
  }

  java.util.Collection<TabletStateMachine> all() {
    return machines.values();
  }

  void remove(long tabletId) {
    machines.remove(tabletId);
  }
}
