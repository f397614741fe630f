package io.cesiumdb.tablet.replication.apply;

import io.cesiumdb.proto.tablet.ApplyWrites;
import io.cesiumdb.proto.tablet.TabletCommand;
import io.cesiumdb.tablet.storage.MvccWriteBatch;

/**
 * {@code ApplyWrites}: writes every mutation as a version at the command's {@code commit_ts} (a put
 * or a tombstone). The leader chose the timestamp before appending the entry, so it is the same on
 * every replica; it must be above every timestamp applied before (reported otherwise).
 *
 * <p>A batch with a key outside the tablet's range as of this entry is refused whole: the write was
 * validated before a split that entered the log ahead of it, so its keys now belong to the right
 * half. Nothing of it is applied, and the proposer answers TABLET_MOVED, which makes a retry safe.
 */
public final class ApplyWritesHandler implements CommandHandler {
  static final String OUT_OF_RANGE = "key outside the tablet's range (split before this write)";

  @Override
  public ApplyOutcome apply(TabletCommand command, ApplyContext context, MvccWriteBatch batch) {
    ApplyWrites writes = command.getApplyWrites();
    if (!Mutations.inRange(context, writes.getMutationsList())) {
      return ApplyOutcome.refused(context.appliedMaxTs(), OUT_OF_RANGE);
    }
    long ts = writes.getCommitTs();
    if (ts <= context.appliedMaxTs()) {
      context.timestampRegression().accept(ts);
    }
    Mutations.write(batch, context.keyspace(), writes.getMutationsList(), ts);
    return ApplyOutcome.applied(Math.max(context.appliedMaxTs(), ts));
  }
}
