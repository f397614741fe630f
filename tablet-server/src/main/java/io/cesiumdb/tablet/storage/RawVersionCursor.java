package io.cesiumdb.tablet.storage;

import java.util.Arrays;

/** A {@link VersionCursor} that decodes the entries of a {@link RawCursor} over data keys. */
final class RawVersionCursor implements VersionCursor {
  private final RawCursor raw;
  private final long keyspace;
  private final byte[] lower;

  /** Takes ownership of {@code raw}, opened on [lower, …), and seeks to {@code lower}. */
  RawVersionCursor(RawCursor raw, long keyspace, byte[] lower) {
    this.raw = raw;
    this.keyspace = keyspace;
    this.lower = lower;
    try {
      raw.seek(lower);
    } catch (RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  @Override
  public void seek(byte[] userKey, long ts) {
    byte[] target = KeyCodec.encode(keyspace, userKey, ts);
    raw.seek(Arrays.compareUnsigned(target, lower) < 0 ? lower : target);
  }

  @Override
  public void next() {
    raw.next();
  }

  @Override
  public boolean isValid() {
    return raw.isValid();
  }

  @Override
  public MvccKey key() {
    return KeyCodec.decode(raw.key());
  }

  @Override
  public boolean isTombstone() {
    return ValueCodec.isTombstone(raw.value());
  }

  @Override
  public void close() {
    raw.close();
  }
}
