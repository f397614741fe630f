package io.cesiumdb.tablet.replication;

import com.google.protobuf.ByteString;
import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.common.error.RetryHint;
import io.cesiumdb.proto.tablet.ApplyWrites;
import io.cesiumdb.proto.tablet.ForgetTxnDecisions;
import io.cesiumdb.proto.tablet.GcBelow;
import io.cesiumdb.proto.tablet.Mutation;
import io.cesiumdb.proto.tablet.PrepareTxn;
import io.cesiumdb.proto.tablet.ReplicaDescriptor;
import io.cesiumdb.proto.tablet.ResolveTxn;
import io.cesiumdb.proto.tablet.SplitRange;
import io.cesiumdb.proto.tablet.TabletCommand;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import io.cesiumdb.proto.tablet.TxnDecision;
import io.cesiumdb.proto.tablet.TxnOutcome;
import io.cesiumdb.tablet.gc.GcPolicy;
import io.cesiumdb.tablet.storage.MvccReadView;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.DivisionInfo;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.raftlog.RaftLog;

/**
 * A tablet replica as request handlers see it: writes, leader reads, snapshot reads and status, all
 * asynchronous. Callers never block: a write blocks only for the in-memory log append (see {@link
 * TimestampOracle}); replication, ReadIndex and timestamp waits complete futures later, and their
 * continuations run on the node's worker executor, not on Ratis threads.
 *
 * <p>Failures are {@link CesiumException}s: NOT_LEADER (with the leader hint), UNAVAILABLE (leader
 * not ready, safe time behind), RAFT_TIMEOUT (the outcome of a write is then unknown), ...
 */
public final class TabletReplica {
  private final TabletStateMachine machine;
  private final RaftServer.Division division;
  private final ReplicaServices services;
  private final ReplicaReads reads;
  private final ReplicaWrites writes;

  TabletReplica(
      TabletStateMachine machine, RaftServer.Division division, ReplicaServices services) {
    this.machine = machine;
    this.division = division;
    this.services = services;
    this.reads = new ReplicaReads(this, machine, division, services);
    this.writes = new ReplicaWrites(this, machine, division, services);
  }

  public long tabletId() {
    return machine.tabletId();
  }

  public TabletDescriptor descriptor() {
    return machine.descriptor();
  }

  /** The node's store; read it only at timestamps this replica cleared (see the read methods). */
  public MvccReadView store() {
    return services.store();
  }

  public boolean isLeader() {
    return division.getInfo().isLeader();
  }

  /** The replica's current Raft term (the leader's term while {@link #isLeader}). */
  public long term() {
    return division.getInfo().getCurrentTerm();
  }

  /** The leader this replica knows of. */
  public Optional<String> leaderNodeId() {
    return Optional.ofNullable(division.getInfo().getLeaderId()).map(RaftPeerId::toString);
  }

  /**
   * The replica's safe time: a read at or below it sees every write with a timestamp up to it
   * (below every transaction prepared here and unresolved).
   */
  public long safeTime() {
    return machine.applied().safeTime();
  }

  /** This leader's term and applied lease, for the oracle ({@link ReplicaWrites#leadership}). */
  TimestampOracle.Leadership leadership() {
    return writes.leadership();
  }

  /** The highest commit timestamp applied here. */
  public long appliedMaxTs() {
    return machine.applied().current().maxTs();
  }

  /** True while this replica is the leader and has applied every entry of earlier terms. */
  public boolean isReadyLeader() {
    DivisionInfo info = division.getInfo();
    return info.isLeader() && info.isLeaderReady();
  }

  /**
   * Completes once this replica leads and has applied every entry of earlier terms (at once if it
   * already has); fails with NOT_LEADER if it does not lead, or after the operation timeout.
   */
  public CompletableFuture<Void> whenReadyLeader() {
    DivisionInfo info = division.getInfo();
    if (!info.isLeader()) {
      return CompletableFuture.failedFuture(notLeader());
    }
    if (info.isLeaderReady()) {
      return CompletableFuture.completedFuture(null);
    }
    return machine
        .readiness()
        .await(info::isLeaderReady)
        .orTimeout(timeoutMillis(), TimeUnit.MILLISECONDS)
        .thenApplyAsync(v -> (Void) null, services.worker())
        .exceptionallyCompose(t -> CompletableFuture.failedFuture(map(t)));
  }

  /** The two-phase-commit transactions prepared here and not yet resolved. */
  public PreparedTxns prepared() {
    return machine.prepared();
  }

  /**
   * Replicates {@code mutations} at a fresh commit timestamp; completes once applied here. A
   * NOT_LEADER answer after Ratis took the entry stays NOT_LEADER, so the router re-sends it
   * (at-least-once: the plain KV write API's documented hazard).
   */
  public CompletableFuture<WriteResult> write(List<Mutation> mutations) {
    ApplyWrites.Builder apply = ApplyWrites.newBuilder().addAllMutations(mutations);
    LongFunction<TabletCommand> commandAt =
        ts -> TabletCommand.newBuilder().setApplyWrites(apply.setCommitTs(ts)).build();
    return writes.submit(0, 0, commandAt);
  }

  /**
   * A transaction's single-tablet commit: its COMMITTED {@code decision} (writes, no participants)
   * at a fresh commit timestamp, so it leaves a decision record that {@code TxnStatus} answers and
   * a later ABORTED decision cannot overturn (nor the reverse). At most once: a NOT_LEADER answer
   * after Ratis took the entry becomes "outcome unknown" (see {@link ReplicaWrites#submitted}),
   * which nothing re-sends; the client settles it by asking {@code TxnStatus}.
   */
  public CompletableFuture<WriteResult> commitTxn(TxnDecision.Builder decision) {
    LongFunction<TabletCommand> commandAt =
        ts -> TabletCommand.newBuilder().setTxnDecision(decision.setCommitTs(ts)).build();
    return writes.submitAtMostOnce(commandAt);
  }

  /**
   * 2PC participant: logs {@code prepare} at a fresh prepare timestamp (like a commit timestamp:
   * above everything this group assigned, and {@code >= lockedTs}, or this leader's {@code
   * TT.now().latest} when it is 0); completes once applied here.
   */
  public CompletableFuture<WriteResult> prepare(PrepareTxn.Builder prepare, long lockedTs) {
    return writes.submit(
        0,
        lockedTs,
        ts -> TabletCommand.newBuilder().setPrepareTxn(prepare.setPrepareTs(ts)).build());
  }

  /**
   * 2PC coordinator: logs the decision; a commit gets a timestamp {@code >= minCommitTs} and {@code
   * >= lockedTs} (this leader's {@code TT.now().latest} when it is 0), above everything this group
   * assigned. Completes once applied here, so after commit wait.
   */
  public CompletableFuture<WriteResult> decide(
      TxnDecision.Builder decision, long minCommitTs, long lockedTs) {
    return writes.submit(
        minCommitTs,
        lockedTs,
        ts -> TabletCommand.newBuilder().setTxnDecision(decision.setCommitTs(ts)).build());
  }

  /** 2PC coordinator: records that {@code txnId} is aborted (unless decided already). */
  public CompletableFuture<WriteResult> decideAborted(String txnId) {
    TxnDecision aborted =
        TxnDecision.newBuilder().setTxnId(txnId).setOutcome(TxnOutcome.ABORTED).build();
    return writes.submitAdmitted(0, TabletCommand.newBuilder().setTxnDecision(aborted).build());
  }

  /**
   * 2PC coordinator: removes the decision records of {@code txnIds} on every replica (no
   * timestamp); completes once applied here.
   */
  public CompletableFuture<WriteResult> forgetDecisions(List<String> txnIds) {
    ForgetTxnDecisions forget = ForgetTxnDecisions.newBuilder().addAllTxnIds(txnIds).build();
    return writes.submitAdmitted(
        0, TabletCommand.newBuilder().setForgetTxnDecisions(forget).build());
  }

  /**
   * 2PC participant: logs the outcome (at the coordinator's commit timestamp, which this leader's
   * later timestamps then exceed); completes once applied here.
   */
  public CompletableFuture<WriteResult> resolve(ResolveTxn resolve) {
    long ts = resolve.getOutcome() == TxnOutcome.COMMITTED ? resolve.getCommitTs() : 0;
    return writes.submitAdmitted(ts, TabletCommand.newBuilder().setResolveTxn(resolve).build());
  }

  /**
   * Splits this tablet at {@code splitKey} into a new tablet {@code rightTabletId} (see {@link
   * io.cesiumdb.tablet.replication.apply.SplitRangeHandler}); completes once applied here. The
   * split's timestamp comes from the same oracle as writes, so it is above every write and leader
   * read of this group so far.
   */
  public CompletableFuture<WriteResult> split(ByteString splitKey, long rightTabletId) {
    SplitRange.Builder split =
        SplitRange.newBuilder().setSplitKey(splitKey).setRightTabletId(rightTabletId);
    return writes.submit(
        0, ts -> TabletCommand.newBuilder().setSplitRange(split.setSplitTs(ts)).build());
  }

  /**
   * Leader only, when the tablet had no timestamp for {@code idleMicros}: appends an empty entry at
   * a fresh timestamp, so that followers' safe time (the applied max timestamp) keeps up with real
   * time and they can serve snapshot reads near "now" (Spanner's MinNextTS, OSDI12 §4.1.3).
   */
  public Optional<CompletableFuture<WriteResult>> advanceSafeTimeIfIdle(long idleMicros) {
    DivisionInfo info = division.getInfo();
    if (!info.isLeader() || !info.isLeaderReady()) {
      return Optional.empty();
    }
    long last = Math.max(machine.oracle().lastAssigned(), safeTime());
    if (services.clock().now().latest() - last < idleMicros) {
      return Optional.empty();
    }
    return Optional.of(
        writes.submit(
            0,
            ts ->
                TabletCommand.newBuilder()
                    .setApplyWrites(ApplyWrites.newBuilder().setCommitTs(ts))
                    .build()));
  }

  /**
   * Leader only: changes the group's replica set to {@code replicas} (snapshot first, then a Ratis
   * membership change); completes with this replica's descriptor afterwards.
   */
  public CompletableFuture<TabletDescriptor> changeReplicas(List<ReplicaDescriptor> replicas) {
    if (!isLeader()) {
      return CompletableFuture.failedFuture(notLeader());
    }
    CompletableFuture<TabletDescriptor> change;
    try {
      change = changes().changeReplicas(replicas);
    } catch (RuntimeException e) {
      change = CompletableFuture.failedFuture(e);
    }
    return change.exceptionallyCompose(t -> CompletableFuture.failedFuture(map(t)));
  }

  /** Leader only: hands leadership to {@code targetNodeId}, a replica of the group. */
  public CompletableFuture<Void> transferLeader(String targetNodeId) {
    if (!isLeader()) {
      return CompletableFuture.failedFuture(notLeader());
    }
    if (descriptor().getReplicasList().stream()
        .noneMatch(r -> r.getNodeId().equals(targetNodeId))) {
      return CompletableFuture.failedFuture(
          new CesiumException(
              ErrorCode.INVALID_ARGUMENT,
              targetNodeId + " is not a replica of tablet " + Long.toUnsignedString(tabletId())));
    }
    return changes()
        .transferLeader(targetNodeId)
        .exceptionallyCompose(t -> CompletableFuture.failedFuture(map(t)));
  }

  private GroupChanges changes() {
    return new GroupChanges(machine, division, services);
  }

  /** See {@link ReplicaReads#leaderRead}. */
  public <T> CompletableFuture<T> leaderRead(long requestedTs, ReadFn<T> fn) {
    return reads.leaderRead(requestedTs, fn);
  }

  /** See {@link ReplicaReads#leaderStateRead}. */
  public <T> CompletableFuture<T> leaderStateRead(Function<MvccReadView, T> fn) {
    return reads.leaderStateRead(fn);
  }

  /** See {@link ReplicaReads#lockedRead}. */
  public <T> CompletableFuture<T> lockedRead(ReadFn<T> fn) {
    return reads.lockedRead(fn);
  }

  /** See {@link ReplicaReads#snapshotRead}. */
  public <T> CompletableFuture<T> snapshotRead(long readTs, ReadFn<T> fn) {
    return reads.snapshotRead(readTs, fn);
  }

  /**
   * Leader only: proposes a GC horizon under {@code policy} ({@code TT.now().earliest} minus the
   * retention, and below every read running here) and logs {@code GcBelow} if it is above the
   * applied one. Empty when there is nothing to do.
   */
  public Optional<CompletableFuture<WriteResult>> collectGarbage(GcPolicy policy) {
    if (!isReadyLeader()) {
      return Optional.empty();
    }
    long horizon = policy.horizon(services.clock().now(), machine.activeReads());
    if (horizon <= machine.applied().gcHorizon()) {
      return Optional.empty();
    }
    GcBelow gc = GcBelow.newBuilder().setHorizonTs(horizon).build();
    return Optional.of(writes.submitAdmitted(0, TabletCommand.newBuilder().setGcBelow(gc).build()));
  }

  /** The applied GC horizon (0 = nothing collected yet). */
  public long gcHorizon() {
    return machine.applied().gcHorizon();
  }

  /** CLOCK_FENCED (retryable elsewhere) if this node's clock must not be used for timestamps. */
  Optional<CesiumException> fenced() {
    return services
        .clockGate()
        .get()
        .refusal()
        .map(
            why ->
                CesiumException.retry(
                    ErrorCode.CLOCK_FENCED,
                    "node " + services.nodeId() + " refuses timestamps: " + why,
                    new RetryHint.ClockFenced(services.nodeId(), why)));
  }

  /** The NOT_LEADER error with the current leader hint. */
  public CesiumException notLeader() {
    return notLeader(division.getInfo().getLeaderId());
  }

  private CesiumException notLeader(RaftPeerId suggested) {
    String leader = suggested == null ? "" : suggested.toString();
    String address = leader.isEmpty() ? "" : tabletAddressOf(leader);
    return CesiumException.retry(
        ErrorCode.NOT_LEADER,
        "tablet "
            + tabletId()
            + ": "
            + services.nodeId()
            + " is not the leader"
            + (leader.isEmpty() ? " (leader unknown)" : ", try " + leader),
        new RetryHint.NotLeader(Long.toUnsignedString(tabletId()), leader, address));
  }

  private String tabletAddressOf(String nodeId) {
    for (ReplicaDescriptor r : machine.descriptor().getReplicasList()) {
      if (r.getNodeId().equals(nodeId) && !r.getTabletAddress().isEmpty()) {
        return r.getTabletAddress();
      }
    }
    Function<String, String> resolver = services.addressResolver().get();
    String resolved = resolver == null ? null : resolver.apply(nodeId);
    return resolved == null ? "" : resolved;
  }

  /** A snapshot of this replica's state. */
  public ReplicaInfo info() {
    DivisionInfo info = division.getInfo();
    RaftLog log = division.getRaftLog();
    ReplicaMeta.Applied applied = machine.applied().current();
    var snapshot = machine.getLatestSnapshot();
    return new ReplicaInfo(
        tabletId(),
        services.nodeId(),
        info.isLeader(),
        info.isLeader() && info.isLeaderReady(),
        leaderNodeId().orElse(""),
        info.getCurrentTerm(),
        applied.index(),
        applied.maxTs(),
        machine.oracle().lastAssigned(),
        log.getLastCommittedIndex(),
        log.getStartIndex(),
        snapshot == null ? -1 : snapshot.getIndex(),
        machine.counters().snapshotsTaken(),
        machine.counters().snapshotInstalls(),
        machine.counters().timestampRegressions(),
        machine.counters().commitWaitNanos());
  }

  RaftClientReply success(RaftClientReply reply, Throwable failure) {
    if (failure != null) {
      throw map(failure);
    }
    if (!reply.isSuccess()) {
      throw map(
          reply.getException() != null
              ? reply.getException()
              : new IllegalStateException("unsuccessful reply without exception: " + reply));
    }
    return reply;
  }

  @SuppressWarnings("unchecked")
  <T> T value(RaftClientReply reply) {
    return (T) ((LocalMessage) reply.getMessage()).value();
  }

  CesiumException map(Throwable t) {
    return RaftErrors.map(t, this::notLeader);
  }

  RaftRequests requests() {
    return services.requests();
  }

  long timeoutMillis() {
    return services.tuning().operationTimeout().toMillis();
  }
}
