package io.cesiumdb.pd.meta;

import io.cesiumdb.proto.placement.AllocateTabletIds;

/**
 * Reserves {@code count} tablet ids (1 to 64) and returns the first: the counter moves past them,
 * so an id handed to a tablet group before the directory lists it is never allocated again.
 */
final class AllocateTabletIdsHandler implements CommandHandler<AllocateTabletIds> {
  static final int MAX_COUNT = 64;

  @Override
  public Long apply(MetaStores stores, AllocateTabletIds cmd) {
    int count = cmd.getCount();
    if (count < 1 || count > MAX_COUNT) {
      throw MetaErrors.invalid("allocate between 1 and " + MAX_COUNT + " tablet ids, not " + count);
    }
    long first = stores.directory().allocateTabletId();
    for (int i = 1; i < count; i++) {
      stores.directory().allocateTabletId();
    }
    return first;
  }
}
