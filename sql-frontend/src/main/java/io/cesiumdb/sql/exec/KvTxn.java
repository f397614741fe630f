package io.cesiumdb.sql.exec;

import com.google.protobuf.ByteString;
import io.cesiumdb.sql.codec.KeyRange;
import java.util.List;
import java.util.Optional;

/**
 * The storage boundary of the SQL executor: one transaction over ordered keyspaces (keyspace = a
 * table id, keys = {@code KeyCodec} encodings, values = {@code RowValueCodec} encodings). The
 * executor sees nothing else of the storage, so it runs the same over the transaction coordinator
 * ({@link CoordinatorKvStore}) and over memory ({@link InMemoryKvStore}); the contract is pinned by
 * {@code AbstractKvStoreContractTest} (src/test) which every implementation runs.
 *
 * <p>Contract:
 *
 * <ul>
 *   <li><b>Read your writes</b>: {@link #get} and {@link #scan} see this transaction's own {@link
 *       #put}s and {@link #delete}s (the coordinator's {@code Transaction} does not; the adapter
 *       overlays its buffer) on top of committed data.
 *   <li>{@link #scan} returns entries of {@code [start, end)} (empty end = unbounded) in unsigned
 *       lexicographic key order, at most {@code limit} of them ({@code 0} = no limit).
 *   <li>Writes become visible to other transactions only at {@link #commit()}, all at once.
 *   <li>A read-only transaction ({@link #readOnly()}) reads one snapshot, takes no locks, and
 *       rejects writes with {@code TXN_READ_ONLY} (25006).
 *   <li>After {@link #commit()} or {@link #rollback()} every call but {@code rollback} fails with
 *       {@code TXN_NOT_FOUND}; {@code rollback} is idempotent.
 * </ul>
 *
 * <p>Not thread-safe: one session thread at a time. Methods may block (remote reads).
 */
public interface KvTxn extends AutoCloseable {
  boolean readOnly();

  Optional<ByteString> get(long keyspace, ByteString key);

  List<KvEntry> scan(long keyspace, KeyRange range, int limit);

  void put(long keyspace, ByteString key, ByteString value);

  void delete(long keyspace, ByteString key);

  /**
   * Makes the writes visible and ends the transaction; returns the commit timestamp (for a
   * transaction without writes, its read timestamp or 0). Retryable {@code TXN-*} errors (40001)
   * mean: run the whole transaction again.
   */
  long commit();

  /** Discards the writes and releases what the transaction holds. Idempotent. */
  void rollback();

  /** Rolls back if still active. */
  @Override
  default void close() {
    rollback();
  }
}
