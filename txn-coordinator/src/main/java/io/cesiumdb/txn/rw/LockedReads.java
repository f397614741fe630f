package io.cesiumdb.txn.rw;

import com.google.protobuf.ByteString;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The committed values this transaction has read under its shared locks, by key. While the lock is
 * held nobody else can write the key, so a second read of it (an UPDATE after the SELECT that read
 * the same row) is answered here instead of by another round trip to the leader. If the lock is
 * lost meanwhile (a wound, an idle expiry, a leader change) the value may be stale, but so would be
 * the first read: the commit's lock-token check aborts the transaction either way (transactions.md
 * §3.8). Not this transaction's own writes: like {@link Transaction#read}, committed data only.
 *
 * <p>Not thread-safe: owned by one {@link Transaction}, used by its one caller thread.
 */
final class LockedReads {
  private final Map<WriteBuffer.Slot, Optional<ByteString>> values = new HashMap<>();

  /** The value read before under lock; null when this key was not read yet. */
  Optional<ByteString> get(long keyspace, ByteString key) {
    return values.get(new WriteBuffer.Slot(keyspace, key));
  }

  void put(long keyspace, ByteString key, Optional<ByteString> value) {
    values.put(new WriteBuffer.Slot(keyspace, key), value);
  }
}
