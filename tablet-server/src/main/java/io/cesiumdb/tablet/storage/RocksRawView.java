package io.cesiumdb.tablet.storage;

import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.Snapshot;

/**
 * A {@link RawView} of the {@code data} and {@code meta} column families, either live (null
 * snapshot) or as of a RocksDB {@link Snapshot}. Every access enters the gate first, so the DB and
 * the snapshot cannot be released under it.
 */
final class RocksRawView implements RawView {
  private final RocksDB db;
  private final ColumnFamilyHandle dataCf;
  private final ColumnFamilyHandle metaCf;
  private final Snapshot snapshot;
  private final ReadGate gate;

  RocksRawView(
      RocksDB db,
      ColumnFamilyHandle dataCf,
      ColumnFamilyHandle metaCf,
      Snapshot snapshot,
      ReadGate gate) {
    this.db = db;
    this.dataCf = dataCf;
    this.metaCf = metaCf;
    this.snapshot = snapshot;
    this.gate = gate;
  }

  @Override
  public RawCursor dataCursor(byte[] lower, byte[] upper) {
    return RocksCursor.open(gate, db, dataCf, snapshot, lower, upper);
  }

  @Override
  public RawCursor metaCursor(byte[] lower, byte[] upper) {
    return RocksCursor.open(gate, db, metaCf, snapshot, lower, upper);
  }

  @Override
  public byte[] getMeta(byte[] metaKey) {
    return gate.read(() -> get(metaKey));
  }

  private byte[] get(byte[] metaKey) {
    try (ReadOptions readOptions = new ReadOptions()) {
      if (snapshot != null) {
        readOptions.setSnapshot(snapshot);
      }
      return db.get(metaCf, readOptions, metaKey);
    } catch (RocksDBException e) {
      throw new StorageException("meta read failed", e);
    }
  }
}
