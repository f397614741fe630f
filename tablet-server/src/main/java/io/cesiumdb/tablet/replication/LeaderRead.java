package io.cesiumdb.tablet.replication;

import io.cesiumdb.tablet.replication.TimestampOracle.ReadPoint;
import io.cesiumdb.tablet.storage.MvccReadView;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
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

  LeaderRead(
      ReadPoint point,
      ReadFn<T> fn,
      BooleanSupplier isLeader,
      Supplier<RuntimeException> notLeader) {
    super(point);
    this.point = point;
    this.fn = fn;
    this.isLeader = isLeader;
    this.notLeader = notLeader;
  }

  CompletableFuture<Message> execute(AppliedState applied, MvccReadView store, Executor executor) {
    if (!isLeader.getAsBoolean()) {
      return CompletableFuture.failedFuture(notLeader.get());
    }
    return applied
        .awaitSafe(point.waitTarget())
        .thenCompose(v -> applied.awaitLease(point.leaseTarget()))
        .thenApplyAsync(
            v -> new LocalMessage(fn.read(store, point.readTs(applied.safeTime()))), executor);
  }
}
