package io.cesiumdb.tablet.replication.apply;

import io.cesiumdb.proto.tablet.ApplyWrites;
import io.cesiumdb.proto.tablet.Mutation;
import io.cesiumdb.proto.tablet.TabletCommand;
import io.cesiumdb.tablet.storage.MvccWriteBatch;

/**
 * {@code ApplyWrites}: writes every mutation as a version at the command's {@code commit_ts} (a put
 * or a tombstone). The leader chose the timestamp before appending the entry, so it is the same on
 * every replica; it must be above every timestamp applied before (reported otherwise).
 */
public final class ApplyWritesHandler implements CommandHandler {
  @Override
  public long apply(TabletCommand command, ApplyContext context, MvccWriteBatch batch) {
    ApplyWrites writes = command.getApplyWrites();
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
    return Math.max(context.appliedMaxTs(), ts);
  }
}
