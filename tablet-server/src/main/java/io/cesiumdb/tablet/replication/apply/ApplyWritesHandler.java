package io.cesiumdb.tablet.replication.apply;

import io.cesiumdb.proto.tablet.ApplyWrites;
import io.cesiumdb.proto.tablet.Mutation;
import io.cesiumdb.proto.tablet.TabletCommand;
import io.cesiumdb.tablet.replication.TabletRange;
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
    for (Mutation m : writes.getMutationsList()) {
      if (!TabletRange.contains(context.descriptor(), m.getKey())) {
        return ApplyOutcome.refused(context.appliedMaxTs(), OUT_OF_RANGE);
      }
    }
    long ts = writes.getCommitTs();
    if (ts <= context.appliedMaxTs()) {
      context.timestampRegression().accept(ts);
    }
    long keyspace = context.keyspace();
    for (Mutation m : writes.getMutationsList()) {
      byte[] key = m.getKey().toByteArray();
      switch (m.getOpCase()) {
        case PUT -> batch.put(keyspace, key, ts, m.getPut().toByteArray());
        case DELETE -> batch.tombstone(keyspace, key, ts);
        case OP_NOT_SET -> {
          // The write handler rejects these; an old or foreign entry is skipped the same way
          // everywhere.
        }
      }
    }
    return ApplyOutcome.applied(Math.max(context.appliedMaxTs(), ts));
  }
}
