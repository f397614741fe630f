package io.cesiumdb.sql.exec;

import com.google.protobuf.ByteString;
import java.util.Objects;

/** One key and its value within a keyspace, as {@link KvTxn#scan} returns them. */
public record KvEntry(ByteString key, ByteString value) {
  public KvEntry {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }
}
