package io.cesiumdb.tablet.storage;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One visible version of a user key, as returned by reads and scans.
 *
 * @param key the user key
 * @param ts the commit timestamp of this version (microseconds)
 * @param value the stored value (never a tombstone; tombstones are not returned)
 */
public record VersionedValue(byte[] key, long ts, byte[] value) {
  /** Copies the arrays so the record stays immutable. */
  public VersionedValue {
    key = key.clone();
    value = value.clone();
  }

  @Override
  public byte[] key() {
    return key.clone();
  }

  @Override
  public byte[] value() {
    return value.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VersionedValue v
        && v.ts == ts
        && Arrays.equals(v.key, key)
        && Arrays.equals(v.value, value);
  }

  @Override
  public int hashCode() {
    return (Arrays.hashCode(key) * 31 + Long.hashCode(ts)) * 31 + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    HexFormat hex = HexFormat.of();
    return "VersionedValue[" + hex.formatHex(key) + "@" + ts + "=" + hex.formatHex(value) + "]";
  }
}
