package io.cesiumdb.tablet.replication;

import io.cesiumdb.tablet.storage.MvccReadView;

/**
 * A read of the local store at a timestamp the replica has cleared: every write with a timestamp at
 * or below {@code readTs} is applied. Runs on a worker thread, never on a Ratis thread.
 *
 * @param <T> what the read produces (usually an RPC response)
 */
@FunctionalInterface
public interface ReadFn<T> {
  T read(MvccReadView store, long readTs);
}
