package io.cesiumdb.tablet.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * An {@link MvccStore} on two {@link ConcurrentSkipListMap}s holding the same encoded keys and
 * values as {@link RocksMvccStore}, for fast tests of the layers above. Nothing is persisted.
 *
 * <p>Threading: {@link #apply} and {@link #importRange} run on the exclusive side of a {@link
 * ReadGate}, so a batch is atomic to readers, who hold the shared side for the life of a cursor.
 * {@link #snapshot} and {@link #exportRange} copy both maps (O(n)): fine for tests, nothing else.
 */
public final class InMemoryMvccStore implements MvccStore {
  private final NavigableMap<byte[], byte[]> data = newMap();
  private final NavigableMap<byte[], byte[]> meta = newMap();
  private final ReadGate gate = new ReadGate("InMemoryMvccStore");
  private final MvccReader reader = new MvccReader(new InMemoryRawView(data, meta, gate));

  @Override
  public MvccWriteBatch newBatch() {
    return new InMemoryWriteBatch(this);
  }

  @Override
  public void apply(MvccWriteBatch batch) {
    if (!(batch instanceof InMemoryWriteBatch b)) {
      throw new IllegalArgumentException("not a batch of this store: " + batch);
    }
    gate.exclusive(() -> b.applyTo(this, data, meta));
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
    ReadGate snapshotGate = new ReadGate("snapshot", gate);
    return new GatedSnapshot(new MvccReader(copyView(snapshotGate)), snapshotGate, () -> {});
  }

  @Override
  public void exportRange(long keyspace, byte[] startKey, byte[] endKey, long tabletId, Path dir) {
    ExportManifest range =
        new ExportManifest(InMemoryRangeFiles.FORMAT, keyspace, startKey, endKey, tabletId, 0, 0);
    RawView view = copyView(new ReadGate("export"));
    byte[] tabletStart = MetaKeyCodec.tabletStart(tabletId);
    try (RawCursor d = view.dataCursor(range.dataLower(), range.dataUpper());
        RawCursor m = view.metaCursor(tabletStart, MetaKeyCodec.tabletEnd(tabletId))) {
      Files.createDirectories(dir);
      long dataCount = InMemoryRangeFiles.write(d, range.dataLower(), dataFile(dir));
      long metaCount = InMemoryRangeFiles.write(m, tabletStart, metaFile(dir));
      range.withCounts(dataCount, metaCount).write(dir);
    } catch (IOException e) {
      throw new StorageException("export to " + dir + " failed", e);
    }
  }

  @Override
  public void importRange(Path dir) {
    try {
      ExportManifest range = ExportManifest.read(dir, InMemoryRangeFiles.FORMAT);
      NavigableMap<byte[], byte[]> dataEntries = InMemoryRangeFiles.read(dataFile(dir));
      NavigableMap<byte[], byte[]> metaEntries = InMemoryRangeFiles.read(metaFile(dir));
      gate.exclusive(() -> replace(range, dataEntries, metaEntries));
    } catch (IOException e) {
      throw new StorageException("import from " + dir + " failed", e);
    }
  }

  private void replace(
      ExportManifest range,
      NavigableMap<byte[], byte[]> dataEntries,
      NavigableMap<byte[], byte[]> metaEntries) {
    if (range.hasDataRange()) {
      data.subMap(range.dataLower(), range.dataUpper()).clear();
    }
    long tabletId = range.tabletId();
    meta.subMap(MetaKeyCodec.tabletStart(tabletId), MetaKeyCodec.tabletEnd(tabletId)).clear();
    data.putAll(dataEntries);
    meta.putAll(metaEntries);
  }

  @Override
  public long approximateSize(long keyspace, byte[] start, byte[] end) {
    byte[] lower = KeyCodec.rangeStart(keyspace, start);
    byte[] upper = KeyCodec.rangeEnd(keyspace, end);
    if (Arrays.compareUnsigned(lower, upper) >= 0) {
      return 0;
    }
    return gate.read(
        () ->
            data.subMap(lower, upper).entrySet().stream()
                .mapToLong(e -> e.getKey().length + e.getValue().length)
                .sum());
  }

  @Override
  public void close() {
    gate.close(() -> {});
  }

  /** Returns a view over private copies of both maps, taken atomically with respect to apply. */
  private RawView copyView(ReadGate viewGate) {
    return gate.read(() -> new InMemoryRawView(new TreeMap<>(data), new TreeMap<>(meta), viewGate));
  }

  private static Path dataFile(Path dir) {
    return dir.resolve(InMemoryRangeFiles.DATA_FILE);
  }

  private static Path metaFile(Path dir) {
    return dir.resolve(InMemoryRangeFiles.META_FILE);
  }

  private static NavigableMap<byte[], byte[]> newMap() {
    return new ConcurrentSkipListMap<>(Arrays::compareUnsigned);
  }
}
