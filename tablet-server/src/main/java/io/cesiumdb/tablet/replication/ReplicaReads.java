package io.cesiumdb.tablet.replication;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.tablet.gc.ActiveReads;
import io.cesiumdb.tablet.replication.TimestampOracle.ReadPoint;
import io.cesiumdb.tablet.storage.MvccReadView;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.server.DivisionInfo;
import org.apache.ratis.server.RaftServer;

/**
 * The read side of a {@link TabletReplica}: leader reads at a timestamp or "now", reads under a
 * transaction's locks, reads of replica state, and snapshot reads at any replica (design:
 * replication.md "Reads", transactions.md §5). Every read goes through Ratis (ReadIndex) at the
 * leader or is served locally against the safe time; none blocks a thread.
 *
 * <p>Rejected: keeping these in TabletReplica, which had grown past 600 lines; the write side
 * (timestamp assignment, proposals) stays there, since both sides share the oracle only through
 * {@link TimestampOracle#beginLeaderRead}.
 */
final class ReplicaReads {
  private final TabletReplica replica;
  private final TabletStateMachine machine;
  private final RaftServer.Division division;
  private final ReplicaServices services;
  private final RaftGroupId groupId;

  ReplicaReads(
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
   * A linearizable read at the leader at {@code requestedTs} (0 = now): Ratis ReadIndex, then a
   * wait until every write with a timestamp up to the read's is applied, then {@code fn} on a
   * worker.
   */
  <T> CompletableFuture<T> leaderRead(long requestedTs, ReadFn<T> fn) {
    DivisionInfo info = division.getInfo();
    if (!info.isLeader()) {
      return CompletableFuture.failedFuture(replica.notLeader());
    }
    Optional<CesiumException> fenced = replica.fenced();
    if (fenced.isPresent()) {
      return CompletableFuture.failedFuture(fenced.get());
    }
    if (!info.isLeaderReady()) {
      // Before it is ready a leader has not applied its predecessors' leases (nor could Ratis
      // serve a ReadIndex read), so it must not register a read timestamp yet.
      return CompletableFuture.failedFuture(
          new CesiumException(
              ErrorCode.UNAVAILABLE,
              "tablet "
                  + Long.toUnsignedString(replica.tabletId())
                  + ": new leader not ready yet"));
    }
    Optional<CesiumException> tooOld = belowGcHorizon(requestedTs);
    if (tooOld.isPresent()) {
      return CompletableFuture.failedFuture(tooOld.get());
    }
    ReadPoint point;
    try {
      point = machine.oracle().beginLeaderRead(replica.leadership(), readTimestamp(requestedTs));
    } catch (CesiumException e) {
      return CompletableFuture.failedFuture(e);
    }
    LeaderRead<T> read =
        new LeaderRead<>(
            point, fn, replica::isLeader, replica::notLeader, machine.prepared()::maxPrepareTsUpTo);
    return services
        .requests()
        .submit(division, replica.requests().read(groupId, read))
        .orTimeout(replica.timeoutMillis(), TimeUnit.MILLISECONDS)
        .handle((r, t) -> replica.<T>value(replica.success(r, t)));
  }

  /**
   * A linearizable read of the replica's state at the leader (Ratis ReadIndex: every entry
   * committed before it is applied), with no timestamp: for meta such as transaction decisions. It
   * waits for no prepared transaction, so a coordinator answers status questions even while it is
   * itself a participant with something prepared.
   */
  <T> CompletableFuture<T> leaderStateRead(Function<MvccReadView, T> fn) {
    if (!replica.isReadyLeader()) {
      return CompletableFuture.failedFuture(notLeaderOrNotReady());
    }
    LeaderRead<T> read =
        new LeaderRead<>(
            new ReadPoint(0, 0, 0),
            (store, ts) -> fn.apply(store),
            replica::isLeader,
            replica::notLeader,
            r -> 0);
    return services
        .requests()
        .submit(division, replica.requests().read(groupId, read))
        .orTimeout(replica.timeoutMillis(), TimeUnit.MILLISECONDS)
        .handle((r, t) -> replica.<T>value(replica.success(r, t)));
  }

  /**
   * A read of keys the caller's transaction has locked, at the leader: Ratis ReadIndex, then {@code
   * fn} at the applied max timestamp. Unlike {@link #leaderRead} at "now" it does not wait for the
   * transactions prepared here: each holds EXCLUSIVE locks on every key it writes, so none of them
   * can write what the caller has locked, and every committed write to those keys released its lock
   * only after it was applied. Waiting would also tie the reader to unrelated prepares, whose
   * resolution may in turn wait for the reader's own locks elsewhere.
   */
  <T> CompletableFuture<T> lockedRead(ReadFn<T> fn) {
    Optional<CesiumException> fenced = replica.fenced();
    if (fenced.isPresent()) {
      return CompletableFuture.failedFuture(fenced.get());
    }
    return leaderStateRead(store -> fn.read(store, replica.appliedMaxTs()));
  }

  private CesiumException notLeaderOrNotReady() {
    if (!replica.isLeader()) {
      return replica.notLeader();
    }
    return new CesiumException(
        ErrorCode.UNAVAILABLE,
        "tablet " + Long.toUnsignedString(replica.tabletId()) + ": new leader not ready yet");
  }

  /**
   * A read at "now" is served at an applied write's timestamp, unless a transaction is prepared
   * here: it may have committed (and been acknowledged) at a timestamp above every applied one, so
   * the read takes {@code TT.now().latest} and waits for it (Spanner's single-site read rule).
   */
  private long readTimestamp(long requestedTs) {
    if (requestedTs == 0 && !machine.prepared().isEmpty()) {
      return services.clock().now().latest();
    }
    return requestedTs;
  }

  /**
   * A local read at {@code readTs}, served iff this replica's safe time has reached it; a ready
   * leader behind {@code readTs} serves it as a leader read at that timestamp instead (a read-only
   * transaction at {@code TT.now().latest} then never waits for safe-time ticks).
   */
  <T> CompletableFuture<T> snapshotRead(long readTs, ReadFn<T> fn) {
    if (readTs <= 0) {
      return CompletableFuture.failedFuture(
          new CesiumException(ErrorCode.INVALID_ARGUMENT, "SNAPSHOT reads need read_ts > 0"));
    }
    Optional<CesiumException> tooOld = belowGcHorizon(readTs);
    if (tooOld.isPresent()) {
      return CompletableFuture.failedFuture(tooOld.get());
    }
    ActiveReads.Registration running = machine.activeReads().register(readTs);
    return snapshotReadRegistered(readTs, fn).whenComplete((r, t) -> running.close());
  }

  private <T> CompletableFuture<T> snapshotReadRegistered(long readTs, ReadFn<T> fn) {
    long safe = replica.safeTime();
    if (safe < readTs && replica.isReadyLeader()) {
      // The leader need not wait for its safe time: it raises its floor and reads at read_ts.
      return leaderRead(readTs, fn);
    }
    if (safe < readTs) {
      return CompletableFuture.failedFuture(
          new CesiumException(
              ErrorCode.REPLICA_BEHIND,
              "tablet "
                  + replica.tabletId()
                  + " on "
                  + services.nodeId()
                  + ": safe time "
                  + safe
                  + " < read_ts "
                  + readTs));
    }
    try {
      return CompletableFuture.completedFuture(fn.read(services.store(), readTs));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** TXN_SNAPSHOT_TOO_OLD for an explicit timestamp below the applied GC horizon. */
  private Optional<CesiumException> belowGcHorizon(long readTs) {
    long horizon = machine.applied().gcHorizon();
    if (readTs <= 0 || readTs >= horizon) {
      return Optional.empty();
    }
    return Optional.of(
        new CesiumException(
            ErrorCode.TXN_SNAPSHOT_TOO_OLD,
            "tablet "
                + Long.toUnsignedString(replica.tabletId())
                + ": read_ts "
                + readTs
                + " is below the GC horizon "
                + horizon));
  }
}
