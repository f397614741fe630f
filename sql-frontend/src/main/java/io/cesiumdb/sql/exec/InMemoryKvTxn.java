package io.cesiumdb.sql.exec;

import com.google.protobuf.ByteString;
import io.cesiumdb.sql.codec.KeyRange;
import java.util.List;
import java.util.Optional;

/** A transaction of {@link InMemoryKvStore}: buffered writes over versioned reads. */
final class InMemoryKvTxn implements KvTxn {
  private final InMemoryKvStore store;
  private final boolean readOnly;
  private final long startTs;
  private final WriteOverlay writes = new WriteOverlay();
  private final TxnLifecycle life = new TxnLifecycle("in-memory txn");

  InMemoryKvTxn(InMemoryKvStore store, boolean readOnly, long startTs) {
    this.store = store;
    this.readOnly = readOnly;
    this.startTs = startTs;
  }

  @Override
  public boolean readOnly() {
    return readOnly;
  }

  @Override
  public Optional<ByteString> get(long keyspace, ByteString key) {
    life.checkActive();
    Optional<ByteString> mine = writes.lookup(keyspace, key);
    return mine != null ? mine : store.read(keyspace, key, readTs());
  }

  @Override
  public List<KvEntry> scan(long keyspace, KeyRange range, int limit) {
    life.checkActive();
    return writes.merge(keyspace, range, store.scan(keyspace, range, readTs()), limit);
  }

  @Override
  public void put(long keyspace, ByteString key, ByteString value) {
    life.checkWritable(readOnly);
    writes.put(keyspace, key, value);
  }

  @Override
  public void delete(long keyspace, ByteString key) {
    life.checkWritable(readOnly);
    writes.delete(keyspace, key);
  }

  @Override
  public long commit() {
    life.checkActive();
    try {
      return readOnly ? startTs : store.commit(writes, startTs);
    } finally {
      life.end();
    }
  }

  @Override
  public void rollback() {
    life.end();
  }

  /** Read-only: the snapshot; read-write: the latest versions (locked reads in the real store). */
  private long readTs() {
    return readOnly ? startTs : Long.MAX_VALUE;
  }
}
