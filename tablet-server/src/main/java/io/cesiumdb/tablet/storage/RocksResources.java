package io.cesiumdb.tablet.storage;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.LRUCache;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksObject;
import org.rocksdb.WriteBufferManager;
import org.rocksdb.WriteOptions;

/**
 * The native option objects a {@link RocksMvccStore} is opened with, built from a {@link
 * RocksStoreConfig}. They must outlive the DB, so the store closes them after closing the DB,
 * newest first.
 */
final class RocksResources implements AutoCloseable {
  static final byte[] DATA_CF = "data".getBytes(StandardCharsets.UTF_8);
  static final byte[] META_CF = "meta".getBytes(StandardCharsets.UTF_8);

  private final List<RocksObject> owned = new ArrayList<>();
  private final DBOptions dbOptions;
  private final ColumnFamilyOptions cfOptions;
  private final WriteOptions writeOptions;

  RocksResources(RocksStoreConfig config) {
    try {
      LRUCache cache = own(new LRUCache(config.blockCacheBytes()));
      WriteBufferManager buffers =
          own(new WriteBufferManager(config.writeBufferManagerBytes(), cache));
      this.dbOptions = own(dbOptions(config, buffers));
      this.cfOptions = own(cfOptions(config, tableConfig(config, cache)));
      // NB: the RocksDB WAL stays on, so a batch and the applied index it carries survive a
      // process crash together; see docs/design/mvcc-encoding.md "Write-ahead logs".
      this.writeOptions = own(new WriteOptions().setSync(config.syncWrites()).setDisableWAL(false));
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private BlockBasedTableConfig tableConfig(RocksStoreConfig config, LRUCache cache) {
    BlockBasedTableConfig table =
        new BlockBasedTableConfig()
            .setBlockCache(cache)
            .setCacheIndexAndFilterBlocks(true)
            .setPinL0FilterAndIndexBlocksInCache(true);
    if (config.bloomBitsPerKey() > 0) {
      table.setFilterPolicy(own(new BloomFilter(config.bloomBitsPerKey())));
    }
    return table;
  }

  private static DBOptions dbOptions(RocksStoreConfig config, WriteBufferManager buffers) {
    return new DBOptions()
        .setCreateIfMissing(true)
        .setCreateMissingColumnFamilies(true)
        .setWriteBufferManager(buffers)
        .setMaxBackgroundJobs(config.maxBackgroundJobs())
        .setMaxOpenFiles(config.maxOpenFiles())
        .setMaxTotalWalSize(config.maxTotalWalSizeBytes())
        .setKeepLogFileNum(2)
        .setInfoLogLevel(InfoLogLevel.WARN_LEVEL);
  }

  private static ColumnFamilyOptions cfOptions(
      RocksStoreConfig config, BlockBasedTableConfig table) {
    return new ColumnFamilyOptions()
        .setWriteBufferSize(config.writeBufferSizeBytes())
        .setMaxWriteBufferNumber(config.maxWriteBufferNumber())
        .setTableFormatConfig(table);
  }

  /** Returns the descriptors of the default, data and meta column families, in that order. */
  List<ColumnFamilyDescriptor> columnFamilies() {
    return List.of(
        new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, cfOptions),
        new ColumnFamilyDescriptor(DATA_CF, cfOptions),
        new ColumnFamilyDescriptor(META_CF, cfOptions));
  }

  DBOptions dbOptions() {
    return dbOptions;
  }

  WriteOptions writeOptions() {
    return writeOptions;
  }

  private <T extends RocksObject> T own(T object) {
    owned.add(object);
    return object;
  }

  @Override
  public void close() {
    for (int i = owned.size() - 1; i >= 0; i--) {
      owned.get(i).close();
    }
    owned.clear();
  }
}
