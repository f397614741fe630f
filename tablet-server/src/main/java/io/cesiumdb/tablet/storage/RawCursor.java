package io.cesiumdb.tablet.storage;

/**
 * A forward cursor over encoded entries of one column family, confined to the bounds it was opened
 * with. The engine-specific half of a read; {@link MvccReader} supplies the MVCC logic on top. Used
 * by one thread; closed before its view is closed.
 */
interface RawCursor extends AutoCloseable {
  /** Positions at the first entry {@code >= key} within the bounds. */
  void seek(byte[] key);

  /** Moves to the next entry. Requires {@link #isValid()}. */
  void next();

  /** Returns true if positioned at an entry. */
  boolean isValid();

  /** Returns the encoded key of the current entry. */
  byte[] key();

  /** Returns the stored value of the current entry. */
  byte[] value();

  @Override
  void close();
}
