package io.cesiumdb.tablet.storage;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A decoded data key: one version of one user key in one keyspace. Produced by {@link
 * KeyCodec#decode}.
 *
 * @param keyspace the table id the key belongs to
 * @param userKey the user key (the encoded primary key of a row), never escaped
 * @param ts the commit timestamp of this version, microseconds, non-negative
 */
public record MvccKey(long keyspace, byte[] userKey, long ts) {
  /** Copies {@code userKey} so the record stays immutable. */
  public MvccKey {
    userKey = userKey.clone();
  }

  @Override
  public byte[] userKey() {
    return userKey.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MvccKey k
        && k.keyspace == keyspace
        && k.ts == ts
        && Arrays.equals(k.userKey, userKey);
  }

  @Override
  public int hashCode() {
    return (Long.hashCode(keyspace) * 31 + Arrays.hashCode(userKey)) * 31 + Long.hashCode(ts);
  }

  @Override
  public String toString() {
    return "MvccKey[" + keyspace + "/" + HexFormat.of().formatHex(userKey) + "@" + ts + "]";
  }
}
