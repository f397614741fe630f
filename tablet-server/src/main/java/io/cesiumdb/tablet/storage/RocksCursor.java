package io.cesiumdb.tablet.storage;

import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.Snapshot;

/**
 * A {@link RawCursor} over a RocksDB iterator with lower and upper bounds set on its read options.
 *
 * <p>NB: the bound {@link Slice}s are native objects the iterator reads on every step, so they stay
 * open until the iterator is closed; {@link #close} closes the iterator first, then the read
 * options, then the slices, then leaves the gate entered on open.
 */
final class RocksCursor implements RawCursor {
  private final ReadGate gate;
  private final Slice lowerBound;
  private final Slice upperBound;
  private final ReadOptions readOptions;
  private final RocksIterator iterator;
  private boolean closed;

  private RocksCursor(
      ReadGate gate,
      RocksDB db,
      ColumnFamilyHandle cf,
      Snapshot snapshot,
      byte[] lower,
      byte[] upper) {
    this.gate = gate;
    this.lowerBound = new Slice(lower);
    this.upperBound = upper == null ? null : new Slice(upper);
    this.readOptions = new ReadOptions().setIterateLowerBound(lowerBound);
    if (upperBound != null) {
      readOptions.setIterateUpperBound(upperBound);
    }
    if (snapshot != null) {
      readOptions.setSnapshot(snapshot);
    }
    this.iterator = db.newIterator(cf, readOptions);
  }

  /**
   * Enters {@code gate} and opens a cursor over [lower, upper) of {@code cf}; null upper = open.
   */
  static RocksCursor open(
      ReadGate gate,
      RocksDB db,
      ColumnFamilyHandle cf,
      Snapshot snapshot,
      byte[] lower,
      byte[] upper) {
    gate.enter();
    try {
      return new RocksCursor(gate, db, cf, snapshot, lower, upper);
    } catch (RuntimeException e) {
      gate.exit();
      throw e;
    }
  }

  @Override
  public void seek(byte[] key) {
    iterator.seek(key);
  }

  @Override
  public void next() {
    iterator.next();
  }

  @Override
  public boolean isValid() {
    if (iterator.isValid()) {
      return true;
    }
    try {
      iterator.status();
    } catch (RocksDBException e) {
      throw new StorageException("iterator failed", e);
    }
    return false;
  }

  @Override
  public byte[] key() {
    return iterator.key();
  }

  @Override
  public byte[] value() {
    return iterator.value();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      iterator.close();
      readOptions.close();
      lowerBound.close();
      if (upperBound != null) {
        upperBound.close();
      }
    } finally {
      gate.exit();
    }
  }
}
