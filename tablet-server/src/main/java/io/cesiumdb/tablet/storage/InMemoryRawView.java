package io.cesiumdb.tablet.storage;

import java.util.NavigableMap;

/** A {@link RawView} over two sorted maps of encoded entries, guarded by a {@link ReadGate}. */
final class InMemoryRawView implements RawView {
  private final NavigableMap<byte[], byte[]> data;
  private final NavigableMap<byte[], byte[]> meta;
  private final ReadGate gate;

  InMemoryRawView(
      NavigableMap<byte[], byte[]> data, NavigableMap<byte[], byte[]> meta, ReadGate gate) {
    this.data = data;
    this.meta = meta;
    this.gate = gate;
  }

  @Override
  public RawCursor dataCursor(byte[] lower, byte[] upper) {
    return new InMemoryCursor(data, lower, upper, gate);
  }

  @Override
  public RawCursor metaCursor(byte[] lower, byte[] upper) {
    return new InMemoryCursor(meta, lower, upper, gate);
  }

  @Override
  public byte[] getMeta(byte[] metaKey) {
    return gate.read(
        () -> {
          byte[] value = meta.get(metaKey);
          return value == null ? null : value.clone();
        });
  }
}
