package io.cesiumdb.tablet.replication.apply;

import io.cesiumdb.proto.tablet.Mutation;
import io.cesiumdb.tablet.replication.TabletRange;
import io.cesiumdb.tablet.storage.MvccWriteBatch;
import java.util.List;

/** Writing a command's mutations as versions, shared by the commands that carry writes. */
final class Mutations {
  private Mutations() {}

  /** True if every key lies in the tablet's range as of this entry. */
  static boolean inRange(ApplyContext context, List<Mutation> mutations) {
    for (Mutation m : mutations) {
      if (!TabletRange.contains(context.descriptor(), m.getKey())) {
        return false;
      }
    }
    return true;
  }

  /** Puts each mutation in {@code batch} as a version (value or tombstone) at {@code ts}. */
  static void write(MvccWriteBatch batch, long keyspace, List<Mutation> mutations, long ts) {
    for (Mutation m : mutations) {
      byte[] key = m.getKey().toByteArray();
      switch (m.getOpCase()) {
        case PUT -> batch.put(keyspace, key, ts, m.getPut().toByteArray());
        case DELETE -> batch.tombstone(keyspace, key, ts);
        case OP_NOT_SET -> {
          // The handlers reject these; an old or foreign entry is skipped the same way everywhere.
        }
      }
    }
  }
}
