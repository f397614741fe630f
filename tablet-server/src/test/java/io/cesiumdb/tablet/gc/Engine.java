package io.cesiumdb.tablet.gc;

import io.cesiumdb.tablet.storage.InMemoryMvccStore;
import io.cesiumdb.tablet.storage.MvccStore;
import io.cesiumdb.tablet.storage.RocksMvccStore;
import io.cesiumdb.tablet.storage.RocksStoreConfig;
import java.nio.file.Path;

/** The storage engines GC is tested on: both implementations of the store contract. */
enum Engine {
  IN_MEMORY {
    @Override
    MvccStore open(Path dir) {
      return new InMemoryMvccStore();
    }
  },
  ROCKS {
    @Override
    MvccStore open(Path dir) {
      return RocksMvccStore.open(RocksStoreConfig.defaults(dir));
    }
  };

  /** Opens a new, empty store; RocksDB puts its files in {@code dir}, which must be fresh. */
  abstract MvccStore open(Path dir);
}
