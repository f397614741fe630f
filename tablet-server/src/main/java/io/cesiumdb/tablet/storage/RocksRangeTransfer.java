package io.cesiumdb.tablet.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.EnvOptions;
import org.rocksdb.IngestExternalFileOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.SstFileWriter;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * Exports one tablet's key range and meta entries as SST files and ingests them elsewhere: the
 * tablet snapshot that Raft ships to a lagging follower (dependencies.md §2.3, §6.2).
 *
 * <p>Export reads both column families through one {@link RawView} as of one RocksDB snapshot, so
 * the applied index in meta matches the data. RocksDB refuses to finish an SST with no entries, so
 * an empty side writes no file and the {@link ExportManifest} records a count of zero.
 *
 * <p>Import (1) deletes the range and the tablet's meta in one batch, (2) ingests {@value
 * #DATA_FILE}, (3) ingests {@value #META_FILE} last: a crash in between leaves a tablet with no
 * applied index, never an applied index without its data. Ingestion copies the files, leaving the
 * export directory intact, and assigns them sequence numbers above the range deletion.
 */
final class RocksRangeTransfer {
  static final String FORMAT = "sst";
  static final String DATA_FILE = "data.sst";
  static final String META_FILE = "meta.sst";

  private final RocksDB db;
  private final ColumnFamilyHandle dataCf;
  private final ColumnFamilyHandle metaCf;
  private final WriteOptions writeOptions;

  RocksRangeTransfer(
      RocksDB db, ColumnFamilyHandle dataCf, ColumnFamilyHandle metaCf, WriteOptions writeOptions) {
    this.db = db;
    this.dataCf = dataCf;
    this.metaCf = metaCf;
    this.writeOptions = writeOptions;
  }

  /** Writes the range described by {@code range} as seen by {@code view} into {@code dir}. */
  void export(RawView view, ExportManifest range, Path dir) throws IOException, RocksDBException {
    Files.createDirectories(dir);
    byte[] metaLower = MetaKeyCodec.tabletStart(range.tabletId());
    long dataCount;
    long metaCount;
    try (RawCursor data = view.dataCursor(range.dataLower(), range.dataUpper());
        RawCursor meta = view.metaCursor(metaLower, MetaKeyCodec.tabletEnd(range.tabletId()))) {
      dataCount = writeSst(data, range.dataLower(), dir.resolve(DATA_FILE));
      metaCount = writeSst(meta, metaLower, dir.resolve(META_FILE));
    }
    range.withCounts(dataCount, metaCount).write(dir);
  }

  private static long writeSst(RawCursor cursor, byte[] lower, Path file)
      throws IOException, RocksDBException {
    Files.deleteIfExists(file);
    cursor.seek(lower);
    if (!cursor.isValid()) {
      return 0;
    }
    long count = 0;
    try (EnvOptions env = new EnvOptions();
        Options options = new Options();
        SstFileWriter writer = new SstFileWriter(env, options)) {
      writer.open(file.toString());
      for (; cursor.isValid(); cursor.next()) {
        writer.put(cursor.key(), cursor.value());
        count++;
      }
      writer.finish();
    }
    return count;
  }

  /** Replaces the range and tablet meta named by the manifest in {@code dir} with its files. */
  void importFrom(Path dir) throws IOException, RocksDBException {
    ExportManifest range = ExportManifest.read(dir, FORMAT);
    clear(range);
    if (range.dataEntries() > 0) {
      ingest(dataCf, dir.resolve(DATA_FILE));
    }
    if (range.metaEntries() > 0) {
      ingest(metaCf, dir.resolve(META_FILE));
    }
  }

  private void clear(ExportManifest range) throws RocksDBException {
    try (WriteBatch batch = new WriteBatch()) {
      if (range.hasDataRange()) {
        batch.deleteRange(dataCf, range.dataLower(), range.dataUpper());
      }
      long tabletId = range.tabletId();
      batch.deleteRange(
          metaCf, MetaKeyCodec.tabletStart(tabletId), MetaKeyCodec.tabletEnd(tabletId));
      db.write(writeOptions, batch);
    }
  }

  private void ingest(ColumnFamilyHandle cf, Path file) throws RocksDBException {
    try (IngestExternalFileOptions options =
        new IngestExternalFileOptions().setMoveFiles(false).setAllowBlockingFlush(true)) {
      db.ingestExternalFile(cf, List.of(file.toString()), options);
    }
  }
}
