package io.cesiumdb.tablet.replication;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.tablet.TabletCommand;
import io.cesiumdb.proto.tablet.TimestampLease;
import io.cesiumdb.tablet.replication.apply.ApplyOutcome;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.server.DivisionInfo;
import org.apache.ratis.server.RaftServer;

/**
 * The write side of a {@link TabletReplica}: every entry a leader appends goes through here. It
 * waits until the leader is ready (its predecessors' entries applied), takes the entry's timestamp
 * from the {@link TimestampOracle} (fresh, or admitted from elsewhere) and appends it under the
 * oracle's lock, so timestamps rise in log order; then turns Ratis' reply into a {@link
 * WriteResult} or a {@link CesiumException}: refused at apply (TABLET_MOVED, TXN_ABORTED), withheld
 * when the clock gate closed meanwhile, and "outcome unknown" for an at-most-once entry whose
 * leader stepped down after taking it.
 *
 * <p>Rejected: keeping this in TabletReplica (past 600 lines with both the commands and their
 * pipeline); the commands themselves (what each write carries) stay there, as the replica's API.
 */
final class ReplicaWrites {
  private final TabletReplica replica;
  private final TabletStateMachine machine;
  private final RaftServer.Division division;
  private final ReplicaServices services;
  private final RaftGroupId groupId;

  ReplicaWrites(
      TabletReplica replica,
      TabletStateMachine machine,
      RaftServer.Division division,
      ReplicaServices services) {
    this.replica = replica;
    this.machine = machine;
    this.division = division;
    this.services = services;
    this.groupId = division.getMemberId().getGroupId();
  }

  /**
   * Leader only: assigns a timestamp, appends the command it builds, and completes once it is
   * applied here. A command refused at apply (its keys left the range at a split ahead of it) fails
   * with TABLET_MOVED: nothing of it was applied, so the caller may retry elsewhere.
   */
  CompletableFuture<WriteResult> submit(long minTs, LongFunction<TabletCommand> commandAt) {
    return submit(minTs, 0, commandAt);
  }

  /**
   * As {@link #submit(long, LongFunction)} with the clock bound given ({@code lockedTs}, 0 = this
   * leader's clock). Bounds beyond now + 10 s are refused: they would stall commit wait.
   */
  CompletableFuture<WriteResult> submit(
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

  /**
   * As {@link #submit(long, long, LongFunction)} at a fresh timestamp, at most once: a NOT_LEADER
   * answer after Ratis took the entry becomes "outcome unknown" ({@link #submitted}), which no
   * router re-sends.
   */
  CompletableFuture<WriteResult> submitAtMostOnce(LongFunction<TabletCommand> commandAt) {
    return whenReady(() -> submitReady(0, 0, commandAt, true));
  }

  /** As {@link #submit} for an entry whose timestamp (0 = none) was chosen elsewhere. */
  CompletableFuture<WriteResult> submitAdmitted(long ts, TabletCommand command) {
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
                              .submit(
                                  division,
                                  replica.requests().write(groupId, command.toByteArray())),
                      ReplicaWrites::appended);
          return replied(ts, reply, false);
        });
  }

  private CompletableFuture<WriteResult> whenReady(
      Supplier<CompletableFuture<WriteResult>> submitReady) {
    DivisionInfo info = division.getInfo();
    if (!info.isLeader()) {
      return CompletableFuture.failedFuture(replica.notLeader());
    }
    Optional<CesiumException> fenced = replica.fenced();
    if (fenced.isPresent()) {
      return CompletableFuture.failedFuture(fenced.get());
    }
    if (info.isLeaderReady()) {
      return submitReady.get();
    }
    return machine
        .readiness()
        .await(info::isLeaderReady)
        .orTimeout(replica.timeoutMillis(), TimeUnit.MILLISECONDS)
        .thenComposeAsync(v -> submitReady.get(), services.worker())
        .exceptionallyCompose(t -> CompletableFuture.failedFuture(replica.map(t)));
  }

  private CompletableFuture<WriteResult> submitReady(
      long minTs, long lockedTs, LongFunction<TabletCommand> commandAt, boolean atMostOnce) {
    long[] ts = new long[1];
    CompletableFuture<RaftClientReply> reply =
        machine
            .oracle()
            .assign(
                leadership(),
                replica.appliedMaxTs(),
                minTs,
                lockedTs,
                t -> {
                  ts[0] = t;
                  byte[] payload = commandAt.apply(t).toByteArray();
                  return services
                      .requests()
                      .submit(division, replica.requests().write(groupId, payload));
                },
                ReplicaWrites::appended);
    return replied(ts[0], reply, atMostOnce);
  }

  private CompletableFuture<WriteResult> replied(
      long ts, CompletableFuture<RaftClientReply> reply, boolean atMostOnce) {
    return reply
        .orTimeout(replica.timeoutMillis(), TimeUnit.MILLISECONDS)
        .handleAsync(
            (r, t) -> applied(ts, atMostOnce ? submitted(r, t) : replica.success(r, t)),
            services.worker());
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
      return replica.success(reply, failure);
    } catch (CesiumException e) {
      if (e.code() != ErrorCode.NOT_LEADER) {
        throw e;
      }
      throw new CesiumException(
          ErrorCode.UNAVAILABLE,
          "tablet "
              + Long.toUnsignedString(replica.tabletId())
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
          services.requests().submit(division, replica.requests().write(groupId, lease));
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
      throw TabletMoves.moved(replica.descriptor(), why);
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
    Optional<CesiumException> fenced = replica.fenced();
    if (fenced.isPresent()) {
      throw new CesiumException(
          ErrorCode.UNAVAILABLE,
          "tablet "
              + Long.toUnsignedString(replica.tabletId())
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
}
