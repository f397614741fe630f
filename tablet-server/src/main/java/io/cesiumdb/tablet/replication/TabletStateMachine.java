package io.cesiumdb.tablet.replication;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.TextFormat;
import io.cesiumdb.common.concurrent.LeaderReadiness;
import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.tablet.TabletCommand;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import io.cesiumdb.tablet.gc.ActiveReads;
import io.cesiumdb.tablet.replication.ReplicaMeta.Applied;
import io.cesiumdb.tablet.replication.apply.ApplyContext;
import io.cesiumdb.tablet.replication.apply.ApplyOutcome;
import io.cesiumdb.tablet.replication.apply.CommandDispatcher;
import io.cesiumdb.tablet.storage.MvccStore;
import io.cesiumdb.tablet.storage.MvccWriteBatch;
import io.cesiumdb.truetime.TrueTime;
import java.io.IOException;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.ratis.proto.RaftProtos.LogEntryProto;
import org.apache.ratis.proto.RaftProtos.RaftConfigurationProto;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftGroupMemberId;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.raftlog.RaftLog;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.SnapshotInfo;
import org.apache.ratis.statemachine.StateMachineStorage;
import org.apache.ratis.statemachine.TransactionContext;
import org.apache.ratis.statemachine.impl.BaseStateMachine;
import org.apache.ratis.util.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One tablet replica's Raft state machine: applies {@link TabletCommand}s to the node's shared
 * {@link MvccStore}, serves linearizable leader reads, and snapshots the tablet's key range.
 *
 * <ul>
 *   <li><b>Apply</b> (group's StateMachineUpdater thread, log order): each entry becomes ONE store
 *       batch with the command's effects (delegated to {@link CommandDispatcher}) and the applied
 *       index, term and max commit timestamp. Entries at or below the applied index in the store
 *       are skipped: Ratis replays from its latest snapshot, the store may be further ahead.
 *   <li><b>Snapshots</b>: {@link #takeSnapshot} exports the tablet's range and meta ({@link
 *       TabletSnapshotStorage}); after Ratis installed a leader's snapshot, {@link #reinitialize}
 *       imports it. At start a snapshot newer than the store's applied index is imported too.
 *   <li><b>Leader reads</b> arrive in {@link #query} after ReadIndex ({@link LeaderRead}).
 * </ul>
 *
 * <p>Invariant: the store's applied index and data always move together; {@link AppliedState} is
 * published only after the batch is in the store.
 */
public final class TabletStateMachine extends BaseStateMachine {
  private static final Logger LOG = LoggerFactory.getLogger(TabletStateMachine.class);

  private final long tabletId;
  private final MvccStore store;
  private final Executor executor;
  private final CommandDispatcher commands;
  private final TabletSnapshotStorage snapshots = new TabletSnapshotStorage();
  private final AppliedState applied = new AppliedState();
  private final PreparedTxns prepared;
  private final ActiveReads activeReads = new ActiveReads();
  private final TimestampOracle oracle;
  private final LeaderReadiness readiness = new LeaderReadiness();
  private final ReplicaCounters counters;
  private final SplitListener splits;
  private final TrueTime commitWaitClock;
  private volatile TabletDescriptor descriptor;

  /** Told, on the apply thread, that this replica applied a split and a new tablet was born. */
  @FunctionalInterface
  interface SplitListener {
    void splitApplied(long parentTabletId, TabletDescriptor right);
  }

  /**
   * @param commitWaitClock the clock whose {@code after(s)} gates applying an entry at commit
   *     timestamp s; null turns commit wait off (negative-control tests only)
   */
  TabletStateMachine(
      long tabletId,
      MvccStore store,
      TrueTime commitWaitClock,
      TrueTime clock,
      Executor executor,
      CommandDispatcher cmds,
      SplitListener splits) {
    this.tabletId = tabletId;
    this.commitWaitClock = commitWaitClock;
    this.splits = splits;
    this.store = store;
    this.executor = executor;
    this.commands = cmds;
    this.oracle = new TimestampOracle(clock);
    this.prepared = new PreparedTxns(tabletId);
    this.counters = new ReplicaCounters(tabletId, () -> applied.current().maxTs());
  }

  @Override
  public void initialize(RaftServer server, RaftGroupId groupId, RaftStorage storage)
      throws IOException {
    getLifeCycle()
        .startAndTransition(
            () -> {
              super.initialize(server, groupId, storage);
              snapshots.init(storage);
              SnapshotInfo latest = snapshots.getLatestSnapshot();
              loadFromStore();
              if (latest != null && latest.getIndex() > applied.current().index()) {
                LOG.warn("Tablet {}: store behind snapshot {}, importing it", tabletId, latest);
                importSnapshot(latest);
              }
              setLastAppliedTermIndex(
                  latest == null ? TermIndex.INITIAL_VALUE : latest.getTermIndex());
            });
  }

  @Override
  public void pause() {
    getLifeCycle().transition(LifeCycle.State.PAUSING);
    getLifeCycle().transition(LifeCycle.State.PAUSED);
  }

  /** Called by Ratis after it installed a snapshot from the leader into our state-machine dir. */
  @Override
  public void reinitialize() throws IOException {
    getLifeCycle()
        .startAndTransition(
            () -> {
              SnapshotInfo latest = snapshots.reload();
              if (latest == null) {
                throw new IOException("tablet " + tabletId + ": no snapshot to install");
              }
              importSnapshot(latest);
              forgetSplitChild();
              setLastAppliedTermIndex(latest.getTermIndex());
              counters.snapshotInstalled();
              LOG.info("Tablet {}: installed snapshot {}", tabletId, latest.getTermIndex());
            });
  }

  @Override
  public CompletableFuture<Message> applyTransaction(TransactionContext trx) {
    LogEntryProto entry = trx.getLogEntry();
    TermIndex termIndex = TermIndex.valueOf(entry);
    Message reply = Message.EMPTY;
    if (termIndex.getIndex() > applied.current().index()) {
      ApplyOutcome outcome = apply(parse(entry), termIndex);
      if (outcome.isRefused()) {
        reply = Message.valueOf(REFUSED + outcome.refusal());
      }
    }
    updateLastAppliedTermIndex(termIndex);
    return CompletableFuture.completedFuture(reply);
  }

  /** The prefix of the reply to an entry that was refused at apply and changed nothing. */
  static final String REFUSED = "refused: ";

  /** Configuration entries: no data, but the applied index moves so snapshots match the store. */
  @Override
  public void notifyTermIndexUpdated(long term, long index) {
    if (index > applied.current().index()) {
      try (MvccWriteBatch batch = store.newBatch()) {
        commit(batch, new Applied(term, index, applied.current().maxTs()));
      }
    }
    updateLastAppliedTermIndex(term, index);
  }

  private ApplyOutcome apply(TabletCommand command, TermIndex ti) {
    ApplyContext context =
        new ApplyContext(
            tabletId,
            descriptor(),
            ti.getTerm(),
            ti.getIndex(),
            applied.current().maxTs(),
            counters::timestampRegression,
            store,
            prepared);
    try (MvccWriteBatch batch = store.newBatch()) {
      ApplyOutcome outcome = commands.apply(command, context, batch);
      if (outcome.isRefused()) {
        prepared.discard();
      }
      commitWait(outcome.maxTs(), context.appliedMaxTs());
      if (outcome.isSplit()) {
        recordSplit(batch, outcome);
      }
      long lease = Math.max(applied.leaseUpto(), outcome.leaseUpto());
      if (lease > applied.leaseUpto()) {
        ReplicaMeta.writeLeaseUpto(batch, tabletId, lease);
      }
      commit(batch, new Applied(ti.getTerm(), ti.getIndex(), outcome.maxTs()));
      applied.setLease(lease);
      if (command.hasGcBelow()) {
        applied.setGcHorizon(GcHorizons.read(store, tabletId));
      }
      if (outcome.isSplit()) {
        LOG.info(
            "Tablet {}: split, keeps {}, new {}",
            tabletId,
            TextFormat.shortDebugString(outcome.left()),
            TextFormat.shortDebugString(outcome.right()));
        splits.splitApplied(tabletId, outcome.right());
      }
      return outcome;
    }
  }

  /**
   * Spanner's commit wait (OSDI12 §4.1.2), at apply: an entry that raises the applied max timestamp
   * to s becomes visible only once {@code TT.after(s)} holds here. The leader chose s as its {@code
   * TT.now().latest}, so the wait overlaps replication and is about 2ε minus the replication time.
   * Every reader (leader reads at "now", follower reads at a safe time) sees s only after it has
   * certainly passed. Entries are applied in order, so earlier entries never wait behind later
   * ones; replays after a restart find s long past.
   */
  private void commitWait(long maxTs, long before) {
    if (commitWaitClock == null || maxTs <= before || commitWaitClock.after(maxTs)) {
      return;
    }
    long started = System.nanoTime();
    try {
      commitWaitClock.commitWait(maxTs);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("tablet " + tabletId + ": interrupted in commit wait", e);
    }
    counters.commitWaited(System.nanoTime() - started);
  }

  /**
   * A split's batch: both descriptors, the new tablet's start position (nothing of its own log
   * applied, safe time = the split's timestamp) and the hand-over note for the host. The range
   * shrinks before the position is published, so a read that saw the split's timestamp also sees
   * the smaller range.
   */
  private void recordSplit(MvccWriteBatch batch, ApplyOutcome split) {
    TabletDescriptor right = split.right();
    ReplicaMeta.writeDescriptor(batch, split.left());
    ReplicaMeta.writeDescriptor(batch, right);
    ReplicaMeta.writeApplied(batch, right.getTabletId(), new Applied(0, -1, split.maxTs()));
    ReplicaMeta.writeSplitChild(batch, tabletId, right);
    descriptor = split.left();
  }

  /**
   * Membership change applied (log order, every replica): the descriptor's replicas follow the
   * group's configuration. Tablet addresses this replica knew are kept; new ones are resolved by
   * node id when needed.
   */
  @Override
  public void notifyConfigurationChanged(
      long term, long index, RaftConfigurationProto newConfiguration) {
    TabletDescriptor d = descriptor;
    if (d == null) {
      return;
    }
    TabletDescriptor next = ConfigurationDescriptors.withPeers(d, newConfiguration);
    if (!next.equals(d)) {
      try (MvccWriteBatch batch = store.newBatch()) {
        ReplicaMeta.writeDescriptor(batch, next);
        store.apply(batch);
      }
      descriptor = next;
      LOG.info(
          "Tablet {}: replicas now {}",
          tabletId,
          next.getReplicasList().stream().map(r -> r.getNodeId()).toList());
    }
  }

  /** The pending new tablet of a split this replica applied, until the host runs its group. */
  Optional<TabletDescriptor> splitChild() {
    return ReplicaMeta.readSplitChild(store, tabletId);
  }

  /** Drops the hand-over note (the host runs the new group, or a snapshot replaced our state). */
  void forgetSplitChild() {
    try (MvccWriteBatch batch = store.newBatch()) {
      ReplicaMeta.clearSplitChild(batch, tabletId);
      store.apply(batch);
    }
  }

  /**
   * Adds the applied position to the entry's batch, applies it, then publishes the prepared set and
   * the position (so a resolved transaction's writes are in the store before its prepare stops
   * holding the safe time back).
   */
  private void commit(MvccWriteBatch batch, Applied next) {
    ReplicaMeta.writeApplied(batch, tabletId, next);
    store.apply(batch);
    prepared.publish();
    applied.set(next, prepared.minPrepareTs());
  }

  @Override
  public CompletableFuture<Message> query(Message request) {
    if (request instanceof LeaderRead<?> read) {
      return read.execute(applied, store, executor);
    }
    return CompletableFuture.failedFuture(new IllegalArgumentException("unknown query " + request));
  }

  @Override
  public long takeSnapshot() throws IOException {
    TermIndex last = getLastAppliedTermIndex();
    SnapshotInfo latest = snapshots.getLatestSnapshot();
    long latestIndex = latest == null ? RaftLog.INVALID_LOG_INDEX : latest.getIndex();
    TabletDescriptor d = descriptor;
    // NB: while Ratis replays entries the store already has, the store is ahead of `last`; an
    // export then would not match its index, so keep the previous snapshot until replay is done.
    if (last.getIndex() <= latestIndex
        || last.getIndex() != applied.current().index()
        || d == null) {
      return latestIndex;
    }
    snapshots.write(
        last,
        dir ->
            store.exportRange(
                d.getKeyspace(), TabletRange.start(d), TabletRange.end(d), tabletId, dir));
    counters.snapshotTaken();
    return last.getIndex();
  }

  @Override
  public StateMachineStorage getStateMachineStorage() {
    return snapshots;
  }

  @Override
  public void notifyLeaderReady() {
    readiness.ready();
  }

  @Override
  public void notifyNotLeader(Collection<TransactionContext> pendingEntries) {
    lostLeadership("stepped down");
  }

  @Override
  public void notifyLeaderChanged(RaftGroupMemberId member, RaftPeerId newLeaderId) {
    if (!member.getPeerId().equals(newLeaderId)) {
      lostLeadership("leader is now " + newLeaderId);
    }
  }

  @Override
  public void close() {
    lostLeadership("replica closed");
  }

  private void lostLeadership(String why) {
    CesiumException e =
        new CesiumException(ErrorCode.NOT_LEADER, "tablet " + tabletId + ": " + why);
    readiness.lost(e);
    applied.failWaiters(e);
  }

  private void importSnapshot(SnapshotInfo snapshot) {
    store.importRange(snapshots.dirOf(snapshot));
    loadFromStore();
  }

  private void loadFromStore() {
    prepared.load(store);
    applied.set(ReplicaMeta.readApplied(store, tabletId), prepared.minPrepareTs());
    applied.setLease(ReplicaMeta.readLeaseUpto(store, tabletId));
    applied.setGcHorizon(GcHorizons.read(store, tabletId));
    ReplicaMeta.readDescriptor(store, tabletId).ifPresent(d -> descriptor = d);
  }

  private TabletCommand parse(LogEntryProto entry) {
    try {
      return TabletCommand.parseFrom(
          entry.getStateMachineLogEntry().getLogData().asReadOnlyByteBuffer());
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("tablet " + tabletId + ": corrupt entry " + entry, e);
    }
  }

  long tabletId() {
    return tabletId;
  }

  /** The tablet's descriptor; throws if this replica never learned it (a corrupt data dir). */
  TabletDescriptor descriptor() {
    TabletDescriptor d = descriptor;
    if (d == null) {
      throw new IllegalStateException("tablet " + tabletId + " has no descriptor in the store");
    }
    return d;
  }

  /** The tablet's descriptor if this replica knows it. */
  Optional<TabletDescriptor> knownDescriptor() {
    return Optional.ofNullable(descriptor);
  }

  AppliedState applied() {
    return applied;
  }

  PreparedTxns prepared() {
    return prepared;
  }

  ActiveReads activeReads() {
    return activeReads;
  }

  TimestampOracle oracle() {
    return oracle;
  }

  LeaderReadiness readiness() {
    return readiness;
  }

  ReplicaCounters counters() {
    return counters;
  }
}
