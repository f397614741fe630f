package io.cesiumdb.tablet.storage;

/**
 * A consistent point-in-time view of a whole {@link MvccStore}: writes applied after {@link
 * MvccStore#snapshot()} returned are invisible through it, for data and meta alike.
 *
 * <p>Close it promptly: a RocksDB snapshot pins every version that existed when it was taken and so
 * holds back compaction. Thread-safe; reads after close throw {@link IllegalStateException}.
 */
public interface MvccSnapshot extends MvccReadView, AutoCloseable {
  /** Releases the view. Idempotent. */
  @Override
  void close();
}
