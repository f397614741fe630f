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
import io.cesiumdb.proto.tablet.TimestampLease;
import io.cesiumdb.proto.tablet.TxnDecision;
import io.cesiumdb.proto.tablet.TxnOutcome;
import io.cesiumdb.tablet.gc.GcPolicy;
import io.cesiumdb.tablet.replication.apply.ApplyOutcome;
import io.cesiumdb.tablet.storage.MvccReadView;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftGroupId;
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
  private final RaftGroupId groupId;
  private final ReplicaReads reads;

  TabletReplica(
      TabletStateMachine machine, RaftServer.Division division, ReplicaServices services) {
    this.machine = machine;
    this.division = division;
    this.services = services;
    this.groupId = division.getMemberId().getGroupId();
    this.reads = new ReplicaReads(this, machine, division, services);
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
    ApplyWrites.Builder writes = ApplyWrites.newBuilder().addAllMutations(mutations);
    LongFunction<TabletCommand> commandAt =
        ts -> TabletCommand.newBuilder().setApplyWrites(writes.setCommitTs(ts)).build();
    return whenReady(() -> submitReady(0, 0, commandAt, false));
  }

  /**
   * A transaction's single-tablet commit: its COMMITTED {@code decision} (writes, no participants)
   * at a fresh commit timestamp, so it leaves a decision record that {@code TxnStatus} answers and
   * a later ABORTED decision cannot overturn (nor the reverse). At most once: a NOT_LEADER answer
   * after Ratis took the entry becomes "outcome unknown" (see {@link #submitted}), which nothing
   * re-sends; the client settles it by asking {@code TxnStatus}.
   */
  public CompletableFuture<WriteResult> commitTxn(TxnDecision.Builder decision) {
    LongFunction<TabletCommand> commandAt =
        ts -> TabletCommand.newBuilder().setTxnDecision(decision.setCommitTs(ts)).build();
    return whenReady(() -> submitReady(0, 0, commandAt, true));
  }

  /**
   * 2PC participant: logs {@code prepare} at a fresh prepare timestamp (like a commit timestamp:
   * above everything this group assigned, and {@code >= lockedTs}, or this leader's {@code
   * TT.now().latest} when it is 0); completes once applied here.
   */
  public CompletableFuture<WriteResult> prepare(PrepareTxn.Builder prepare, long lockedTs) {
    return submit(
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
    return submit(
        minCommitTs,
        lockedTs,
        ts -> TabletCommand.newBuilder().setTxnDecision(decision.setCommitTs(ts)).build());
  }

  /** 2PC coordinator: records that {@code txnId} is aborted (unless decided already). */
  public CompletableFuture<WriteResult> decideAborted(String txnId) {
    TxnDecision aborted =
        TxnDecision.newBuilder().setTxnId(txnId).setOutcome(TxnOutcome.ABORTED).build();
    return submitAdmitted(0, TabletCommand.newBuilder().setTxnDecision(aborted).build());
  }

  /**
   * 2PC coordinator: removes the decision records of {@code txnIds} on every replica (no
   * timestamp); completes once applied here.
   */
  public CompletableFuture<WriteResult> forgetDecisions(List<String> txnIds) {
    ForgetTxnDecisions forget = ForgetTxnDecisions.newBuilder().addAllTxnIds(txnIds).build();
    return submitAdmitted(0, TabletCommand.newBuilder().setForgetTxnDecisions(forget).build());
  }

  /**
   * 2PC participant: logs the outcome (at the coordinator's commit timestamp, which this leader's
   * later timestamps then exceed); completes once applied here.
   */
  public CompletableFuture<WriteResult> resolve(ResolveTxn resolve) {
    long ts = resolve.getOutcome() == TxnOutcome.COMMITTED ? resolve.getCommitTs() : 0;
    return submitAdmitted(ts, TabletCommand.newBuilder().setResolveTxn(resolve).build());
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
    return submit(0, ts -> TabletCommand.newBuilder().setSplitRange(split.setSplitTs(ts)).build());
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
        submit(
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

  /**
   * Leader only: assigns a timestamp, appends the command it builds, and completes once it is
   * applied here. A command refused at apply (its keys left the range at a split ahead of it) fails
   * with TABLET_MOVED: nothing of it was applied, so the caller may retry elsewhere.
   */
  private CompletableFuture<WriteResult> submit(long minTs, LongFunction<TabletCommand> commandAt) {
    return submit(minTs, 0, commandAt);
  }

  /**
   * As {@link #submit(long, LongFunction)} with the clock bound given ({@code lockedTs}, 0 = this
   * leader's clock). Bounds beyond now + 10 s are refused: they would stall commit wait.
   */
  private CompletableFuture<WriteResult> submit(
      long minTs, long lockedTs, LongFunction<TabletCommand> commandAt) {
    long bound = Math.max(minTs, lockedTs);
    if (bound > 0
        && bound > services.clock().now().latest() + TimestampOracle.MAX_FUTURE_READ_MICROS) {
      return CompletableFuture.failedFuture(
          new CesiumException(
              ErrorCode.INVALID_ARGUMENT, "timestamp bound " + bound + " is beyond now + 10 s"));
    }
    return whenReady(() -> submitReady(minTs, lockedTs, commandAt, false));
  }

  /** As {@link #submit} for an entry whose timestamp (0 = none) was chosen elsewhere. */
  private CompletableFuture<WriteResult> submitAdmitted(long ts, TabletCommand command) {
    return whenReady(
        () -> {
          CompletableFuture<RaftClientReply> reply =
              machine
                  .oracle()
                  .admit(
                      leadership(),
                      ts,
                      t ->
                          services
                              .requests()
                              .submit(division, requests().write(groupId, command.toByteArray())),
                      TabletReplica::appended);
          return replied(ts, reply, false);
        });
  }

  private CompletableFuture<WriteResult> whenReady(
      Supplier<CompletableFuture<WriteResult>> submitReady) {
    DivisionInfo info = division.getInfo();
    if (!info.isLeader()) {
      return CompletableFuture.failedFuture(notLeader());
    }
    Optional<CesiumException> fenced = fenced();
    if (fenced.isPresent()) {
      return CompletableFuture.failedFuture(fenced.get());
    }
    if (info.isLeaderReady()) {
      return submitReady.get();
    }
    return machine
        .readiness()
        .await(info::isLeaderReady)
        .orTimeout(timeoutMillis(), TimeUnit.MILLISECONDS)
        .thenComposeAsync(v -> submitReady.get(), services.worker())
        .exceptionallyCompose(t -> CompletableFuture.failedFuture(map(t)));
  }

  private CompletableFuture<WriteResult> submitReady(
      long minTs, long lockedTs, LongFunction<TabletCommand> commandAt, boolean atMostOnce) {
    long[] ts = new long[1];
    CompletableFuture<RaftClientReply> reply =
        machine
            .oracle()
            .assign(
                leadership(),
                appliedMaxTs(),
                minTs,
                lockedTs,
                t -> {
                  ts[0] = t;
                  byte[] payload = commandAt.apply(t).toByteArray();
                  return services.requests().submit(division, requests().write(groupId, payload));
                },
                TabletReplica::appended);
    return replied(ts[0], reply, atMostOnce);
  }

  private CompletableFuture<WriteResult> replied(
      long ts, CompletableFuture<RaftClientReply> reply, boolean atMostOnce) {
    return reply
        .orTimeout(timeoutMillis(), TimeUnit.MILLISECONDS)
        .handleAsync(
            (r, t) -> applied(ts, atMostOnce ? submitted(r, t) : success(r, t)), services.worker());
  }

  /**
   * As {@link #success}, for an entry handed to Ratis: a not-leader answer now does not prove the
   * entry was not appended (Ratis fails pending requests with it when the leader steps down, and
   * the next leader may commit them), so it becomes UNAVAILABLE with "outcome unknown", which no
   * router re-sends. Re-sending it let an INSERT be applied twice: the second copy failed with
   * 23505 and the client was told the insert failed (the realtime workload's "phantom").
   */
  private RaftClientReply submitted(RaftClientReply reply, Throwable failure) {
    try {
      return success(reply, failure);
    } catch (CesiumException e) {
      if (e.code() != ErrorCode.NOT_LEADER) {
        throw e;
      }
      throw new CesiumException(
          ErrorCode.UNAVAILABLE,
          "tablet "
              + Long.toUnsignedString(tabletId())
              + ": leadership changed while a write was in flight; it may or may not be applied"
              + " (outcome unknown): "
              + e.getMessage(),
          e);
    }
  }

  /**
   * This leader's term and applied lease, and how to append a lease: like a write, in log order
   * before the entry that needs it; its outcome is not awaited (the entries after it commit only if
   * it does).
   */
  TimestampOracle.Leadership leadership() {
    return new TimestampOracle.Leadership(
        division.getInfo().getCurrentTerm(),
        machine.applied().leaseUpto(),
        upto -> {
          byte[] lease =
              TabletCommand.newBuilder()
                  .setTimestampLease(TimestampLease.newBuilder().setUpto(upto))
                  .build()
                  .toByteArray();
          services.requests().submit(division, requests().write(groupId, lease));
        });
  }

  private WriteResult applied(long ts, RaftClientReply reply) {
    String refusal = reply.getMessage().getContent().toStringUtf8();
    if (refusal.startsWith(TabletStateMachine.REFUSED)) {
      String why = refusal.substring(TabletStateMachine.REFUSED.length());
      if (why.startsWith(ApplyOutcome.TXN_REFUSAL)) {
        throw new CesiumException(
            ErrorCode.TXN_ABORTED, why.substring(ApplyOutcome.TXN_REFUSAL.length()));
      }
      throw TabletMoves.moved(descriptor(), why);
    }
    if (ts > 0) {
      withheldIfFenced(ts);
    }
    return new WriteResult(ts, reply.getLogIndex());
  }

  /**
   * Checked again once a timestamped entry is applied, before it is acknowledged: the clock gate
   * may have closed since the timestamp was taken (the reading that took it may be the one that
   * revealed a clock jump), and commit wait on a clock that jumped forward ends too early in true
   * time. The entry is durable and stays; the caller learns its outcome is unknown, never that it
   * succeeded.
   */
  private void withheldIfFenced(long ts) {
    Optional<CesiumException> fenced = fenced();
    if (fenced.isPresent()) {
      throw new CesiumException(
          ErrorCode.UNAVAILABLE,
          "tablet "
              + Long.toUnsignedString(tabletId())
              + ": entry at ts "
              + ts
              + " applied but not acknowledged, outcome unknown to the client: "
              + fenced.get().getMessage());
    }
  }

  /** A refused append completes its future at once; an appended entry completes after commit. */
  private static boolean appended(CompletableFuture<RaftClientReply> reply) {
    return !reply.isDone() || (!reply.isCompletedExceptionally() && reply.join().isSuccess());
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
    return Optional.of(submitAdmitted(0, TabletCommand.newBuilder().setGcBelow(gc).build()));
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

  private CesiumException map(Throwable t) {
    return RaftErrors.map(t, this::notLeader);
  }

  RaftRequests requests() {
    return services.requests();
  }

  long timeoutMillis() {
    return services.tuning().operationTimeout().toMillis();
  }
}
