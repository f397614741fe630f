package io.cesiumdb.tablet.replication.apply;

import io.cesiumdb.proto.tablet.TabletDescriptor;
import io.cesiumdb.tablet.replication.PreparedTxns;
import io.cesiumdb.tablet.storage.MvccReadView;
import java.util.function.LongConsumer;

/**
 * What a {@link CommandHandler} may know while it applies one Raft entry. Everything here is a
 * function of the log and the replica's state before the entry, so every replica applies the entry
 * the same way.
 *
 * @param tabletId the tablet the entry belongs to
 * @param descriptor the tablet's descriptor before this entry (its range shrinks at a split)
 * @param term the entry's term
 * @param index the entry's log index
 * @param appliedMaxTs the highest commit timestamp applied before this entry
 * @param timestampRegression called with a commit timestamp that is not above {@code appliedMaxTs};
 *     that breaks the "timestamps increase in log order" invariant, so it is counted and logged
 * @param store the store as of before this entry (meta of earlier entries, e.g. txn decisions)
 * @param prepared the transactions prepared here; handlers stage changes in it with the batch
 */
public record ApplyContext(
    long tabletId,
    TabletDescriptor descriptor,
    long term,
    long index,
    long appliedMaxTs,
    LongConsumer timestampRegression,
    MvccReadView store,
    PreparedTxns prepared) {

  /** The tablet's keyspace (table id) in the MVCC store. */
  public long keyspace() {
    return descriptor.getKeyspace();
  }
}
