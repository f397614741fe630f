package io.cesiumdb.tablet.storage;

import java.util.Optional;

/**
 * An {@link MvccSnapshot} made of a reader over a point-in-time {@link RawView} and the gate that
 * view's cursors enter; closing runs the engine's release action once no read is in flight.
 */
final class GatedSnapshot implements MvccSnapshot {
  private final MvccReadView reader;
  private final ReadGate gate;
  private final Runnable release;

  GatedSnapshot(MvccReadView reader, ReadGate gate, Runnable release) {
    this.reader = reader;
    this.gate = gate;
    this.release = release;
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
  public void close() {
    gate.close(release);
  }
}
