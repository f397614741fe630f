package io.cesiumdb.tablet.replication;

import io.cesiumdb.tablet.replication.TimestampOracle.ReadPoint;
import io.cesiumdb.tablet.storage.MvccReadView;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.LongUnaryOperator;
import java.util.function.Supplier;
import org.apache.ratis.protocol.Message;

/**
 * A linearizable read at the leader, sent through the division as a Ratis read-only request. Ratis
 * runs ReadIndex first (confirms leadership with a heartbeat round and waits until the apply index
 * reaches the commit index seen when the read arrived); then {@link TabletStateMachine#query} calls
 * {@link #execute}, which waits until the safe time reaches the read's (every write with a
 * timestamp up to it applied, nothing prepared below it) and runs the read on a worker thread.
 */
final class LeaderRead<T> extends LocalMessage {
  private final ReadPoint point;
  private final ReadFn<T> fn;
  private final BooleanSupplier isLeader;
  private final Supplier<RuntimeException> notLeader;
  private final LongUnaryOperator preparedUpTo;

  LeaderRead(
      ReadPoint point,
      ReadFn<T> fn,
      BooleanSupplier isLeader,
      Supplier<RuntimeException> notLeader,
      LongUnaryOperator preparedUpTo) {
    super(point);
    this.preparedUpTo = preparedUpTo;
    this.point = point;
    this.fn = fn;
    this.isLeader = isLeader;
    this.notLeader = notLeader;
  }

  /**
   * What a read at an explicit timestamp r waits for, computed after ReadIndex (every entry of
   * earlier leaders is applied by then): safe time at least {@code min(r, settled)}, where settled
   * covers what this leader appended, what is applied, and the highest timestamp at or below r of a
   * transaction prepared here ({@code preparedUpTo}). The last part matters on a new leader, whose
   * own appends may be old: every transaction prepared here under the previous leader at or below r
   * may commit at or below r elsewhere, so it must be resolved before the read, or the snapshot
   * shows its writes at the other tablet and not here. The safe time passes a prepare timestamp
   * only once every prepare up to it is resolved, so waiting for the highest one waits for all.
   * (Waiting for the lowest, as this did first, let a read through once the lowest was resolved
   * while a second transfer was still prepared: the bank saw a credit without its debit twice, a
   * total of 203 after a partition and of 205 while a fenced node handed its leaderships over.)
   */
  private long waitTarget(AppliedState applied) {
    long r = point.requestedTs();
    if (r == 0) {
      return point.waitTarget();
    }
    long settled =
        Math.max(
            point.waitTarget(), Math.max(applied.current().maxTs(), preparedUpTo.applyAsLong(r)));
    return Math.min(r, settled);
  }

  CompletableFuture<Message> execute(AppliedState applied, MvccReadView store, Executor executor) {
    if (!isLeader.getAsBoolean()) {
      return CompletableFuture.failedFuture(notLeader.get());
    }
    return applied
        .awaitSafe(waitTarget(applied))
        .thenCompose(v -> applied.awaitLease(point.leaseTarget()))
        .thenApplyAsync(
            v -> new LocalMessage(fn.read(store, point.readTs(applied.safeTime()))), executor);
  }
}
