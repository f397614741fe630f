package io.cesiumdb.tablet.replication.apply;

import io.cesiumdb.proto.tablet.PrepareTxn;
import io.cesiumdb.proto.tablet.ResolveTxn;
import io.cesiumdb.proto.tablet.TabletCommand;
import io.cesiumdb.proto.tablet.TxnOutcome;
import io.cesiumdb.tablet.storage.MvccWriteBatch;
import java.util.Optional;

/**
 * {@code ResolveTxn} (participant side of 2PC): COMMITTED writes the prepared writes at the commit
 * timestamp, ABORTED drops them; either way the prepare record goes, in the same batch. The commit
 * timestamp may lie below writes applied since the prepare (they were assigned while it was
 * prepared): that is the one exception to "timestamps increase in log order", and why the safe time
 * stayed below the prepare until now. Resolving a transaction not prepared here is a no-op, so
 * resolves may be repeated (client and recovery both send them).
 *
 * <p>ABORTED writes nothing but raises the applied max timestamp to the prepare timestamp: the
 * leader assigned it in log order like a write's, so everything at or below it is applied now (what
 * is still prepared holds the safe time back by itself). Without this, a read that had to wait for
 * the prepare waited on for the tablet's next write or safe-time tick (up to 2 s on a quiet tablet)
 * after the transaction was aborted.
 */
public final class ResolveTxnHandler implements CommandHandler {
  @Override
  public ApplyOutcome apply(TabletCommand command, ApplyContext context, MvccWriteBatch batch) {
    ResolveTxn resolve = command.getResolveTxn();
    Optional<PrepareTxn> prepared = context.prepared().stageRemove(resolve.getTxnId(), batch);
    if (prepared.isEmpty()) {
      return ApplyOutcome.applied(context.appliedMaxTs());
    }
    if (resolve.getOutcome() != TxnOutcome.COMMITTED) {
      return ApplyOutcome.applied(Math.max(context.appliedMaxTs(), prepared.get().getPrepareTs()));
    }
    long ts = resolve.getCommitTs();
    if (ts < prepared.get().getPrepareTs()) {
      context.timestampRegression().accept(ts);
    }
    Mutations.write(batch, context.keyspace(), prepared.get().getMutationsList(), ts);
    return ApplyOutcome.applied(Math.max(context.appliedMaxTs(), ts));
  }
}
