package io.cesiumdb.tablet.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.Range;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.SizeApproximationFlag;
import org.rocksdb.Slice;
import org.rocksdb.Snapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production {@link MvccStore}: ONE RocksDB instance per node, shared by every tablet replica
 * on it, with column families {@code data} (versioned rows, keys from {@link KeyCodec}) and {@code
 * meta} (per-tablet entries, keys from {@link MetaKeyCodec}); the default column family is unused.
 *
 * <p>Threading: RocksDB is thread-safe, so applies and reads run concurrently without locks of
 * ours; they only enter the shared side of a {@link ReadGate} that {@link #close} takes
 * exclusively, because a native object used after close crashes the JVM. Open snapshots are tracked
 * and released on close.
 */
public final class RocksMvccStore implements MvccStore {
  private static final Logger LOG = LoggerFactory.getLogger(RocksMvccStore.class);

  private final Path dir;
  private final RocksResources resources;
  private final RocksDB db;
  private final List<ColumnFamilyHandle> handles;
  private final ColumnFamilyHandle dataCf;
  private final ColumnFamilyHandle metaCf;
  private final ReadGate gate = new ReadGate("RocksMvccStore");
  private final MvccReader reader;
  private final RocksRangeTransfer transfer;
  private final Map<Snapshot, MvccSnapshot> openSnapshots = new ConcurrentHashMap<>();

  private RocksMvccStore(
      Path dir, RocksResources resources, RocksDB db, List<ColumnFamilyHandle> handles) {
    this.dir = dir;
    this.resources = resources;
    this.db = db;
    this.handles = handles;
    this.dataCf = handles.get(1);
    this.metaCf = handles.get(2);
    this.reader = new MvccReader(new RocksRawView(db, dataCf, metaCf, null, gate));
    this.transfer = new RocksRangeTransfer(db, dataCf, metaCf, resources.writeOptions());
  }

  /** Opens (creating if missing) the node's database in {@code config.dir()}. */
  public static RocksMvccStore open(RocksStoreConfig config) {
    RocksNativeLibrary.load();
    long startNanos = System.nanoTime();
    RocksResources resources = new RocksResources(config);
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    try {
      Files.createDirectories(config.dir());
      RocksDB db =
          RocksDB.open(
              resources.dbOptions(), config.dir().toString(), resources.columnFamilies(), handles);
      LOG.info(
          "Opened RocksDB at {} in {} ms",
          config.dir(),
          (System.nanoTime() - startNanos) / 1_000_000);
      return new RocksMvccStore(config.dir(), resources, db, handles);
    } catch (RocksDBException | IOException e) {
      handles.forEach(ColumnFamilyHandle::close);
      resources.close();
      throw new StorageException("cannot open RocksDB at " + config.dir(), e);
    }
  }

  @Override
  public MvccWriteBatch newBatch() {
    return gate.read(() -> new RocksWriteBatch(this, dataCf, metaCf));
  }

  @Override
  public void apply(MvccWriteBatch batch) {
    if (!(batch instanceof RocksWriteBatch b)) {
      throw new IllegalArgumentException("not a batch of this store: " + batch);
    }
    gate.run(() -> call(() -> db.write(resources.writeOptions(), b.nativeBatch(this)), "apply"));
  }

  @Override
  public Optional<VersionedValue> read(long keyspace, byte[] key, long ts) {
    return reader.read(keyspace, key, ts);
  }

  @Override
  public ScanResult scan(long keyspace, byte[] startKey, byte[] endKey, long ts, int limit) {
    return reader.scan(keyspace, startKey, endKey, ts, limit);
  }

  @Override
  public VersionCursor versions(long keyspace, byte[] startKey, byte[] endKey) {
    return reader.versions(keyspace, startKey, endKey);
  }

  @Override
  public Optional<byte[]> getMeta(long tabletId, String name) {
    return reader.getMeta(tabletId, name);
  }

  @Override
  public MvccSnapshot snapshot() {
    return gate.read(this::openSnapshot);
  }

  private MvccSnapshot openSnapshot() {
    Snapshot snapshot = db.getSnapshot();
    ReadGate snapshotGate = new ReadGate("snapshot", gate);
    RawView view = new RocksRawView(db, dataCf, metaCf, snapshot, snapshotGate);
    MvccSnapshot handle =
        new GatedSnapshot(
            new MvccReader(view),
            snapshotGate,
            () -> {
              openSnapshots.remove(snapshot);
              db.releaseSnapshot(snapshot);
              snapshot.close();
            });
    openSnapshots.put(snapshot, handle);
    return handle;
  }

  @Override
  public void exportRange(long keyspace, byte[] startKey, byte[] endKey, long tabletId, Path dir) {
    ExportManifest range =
        new ExportManifest(RocksRangeTransfer.FORMAT, keyspace, startKey, endKey, tabletId, 0, 0);
    gate.run(
        () -> {
          Snapshot snapshot = db.getSnapshot();
          try {
            RawView view = new RocksRawView(db, dataCf, metaCf, snapshot, gate);
            call(() -> transfer.export(view, range, dir), "export to " + dir);
          } finally {
            db.releaseSnapshot(snapshot);
            snapshot.close();
          }
        });
  }

  @Override
  public void importRange(Path dir) {
    gate.run(() -> call(() -> transfer.importFrom(dir), "import from " + dir));
  }

  @Override
  public long approximateSize(long keyspace, byte[] start, byte[] end) {
    byte[] lower = KeyCodec.rangeStart(keyspace, start);
    byte[] upper = KeyCodec.rangeEnd(keyspace, end);
    if (Arrays.compareUnsigned(lower, upper) >= 0) {
      return 0;
    }
    return gate.read(() -> sizeOf(lower, upper));
  }

  private long sizeOf(byte[] lower, byte[] upper) {
    try (Slice start = new Slice(lower);
        Slice limit = new Slice(upper)) {
      return db.getApproximateSizes(
              dataCf,
              List.of(new Range(start, limit)),
              SizeApproximationFlag.INCLUDE_FILES,
              SizeApproximationFlag.INCLUDE_MEMTABLES)[0];
    }
  }

  @Override
  public void close() {
    gate.close(this::release);
  }

  private void release() {
    for (MvccSnapshot snapshot : List.copyOf(openSnapshots.values())) {
      snapshot.close();
    }
    handles.forEach(ColumnFamilyHandle::close);
    db.close();
    resources.close();
    LOG.info("Closed RocksDB at {}", dir);
  }

  private static void call(IoOrRocks op, String what) {
    try {
      op.run();
    } catch (RocksDBException | IOException e) {
      throw new StorageException(what + " failed", e);
    }
  }

  /** An engine step that may fail with a RocksDB or I/O error. */
  @FunctionalInterface
  private interface IoOrRocks {
    void run() throws RocksDBException, IOException;
  }
}
