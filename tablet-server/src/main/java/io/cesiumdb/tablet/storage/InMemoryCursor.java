package io.cesiumdb.tablet.storage;

import java.util.Map;
import java.util.NavigableMap;

/** A {@link RawCursor} over a bounded view of a sorted map; holds its gate while open. */
final class InMemoryCursor implements RawCursor {
  private final NavigableMap<byte[], byte[]> entries;
  private final ReadGate gate;
  private Map.Entry<byte[], byte[]> current;
  private boolean closed;

  /** Enters {@code gate}; the cursor leaves it on close. */
  InMemoryCursor(NavigableMap<byte[], byte[]> map, byte[] lower, byte[] upper, ReadGate gate) {
    this.entries = upper == null ? map.tailMap(lower, true) : map.subMap(lower, true, upper, false);
    this.gate = gate;
    gate.enter();
  }

  @Override
  public void seek(byte[] key) {
    current = entries.ceilingEntry(key);
  }

  @Override
  public void next() {
    current = entries.higherEntry(current.getKey());
  }

  @Override
  public boolean isValid() {
    return current != null;
  }

  @Override
  public byte[] key() {
    return current.getKey().clone();
  }

  @Override
  public byte[] value() {
    return current.getValue().clone();
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      gate.exit();
    }
  }
}
