package io.cesiumdb.sql.exec;

import com.google.protobuf.ByteString;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The writes of one DML statement on one table, held back until the statement has succeeded: a
 * statement that fails half-way (a duplicate key in the third row) leaves the transaction as it
 * was. Reads through to the transaction for keys it has not written. Not thread-safe.
 */
final class StatementWrites {
  private final KvTxn txn;
  private final long keyspace;
  private final NavigableMap<ByteString, Optional<ByteString>> writes =
      new TreeMap<>(WriteOverlay.ORDER);

  StatementWrites(KvTxn txn, long keyspace) {
    this.txn = txn;
    this.keyspace = keyspace;
  }

  /** True when a row is stored at {@code key}, counting this statement's writes. */
  boolean exists(ByteString key) {
    Optional<ByteString> mine = writes.get(key);
    return mine != null ? mine.isPresent() : txn.get(keyspace, key).isPresent();
  }

  void put(ByteString key, ByteString value) {
    writes.put(key, Optional.of(value));
  }

  void delete(ByteString key) {
    writes.put(key, Optional.empty());
  }

  /** Hands every write to the transaction, in key order. */
  void flush() {
    for (Map.Entry<ByteString, Optional<ByteString>> w : writes.entrySet()) {
      if (w.getValue().isPresent()) {
        txn.put(keyspace, w.getKey(), w.getValue().get());
      } else {
        txn.delete(keyspace, w.getKey());
      }
    }
  }
}
