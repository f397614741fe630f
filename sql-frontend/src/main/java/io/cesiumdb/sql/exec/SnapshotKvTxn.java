package io.cesiumdb.sql.exec;

import com.google.protobuf.ByteString;
import io.cesiumdb.proto.tablet.Row;
import io.cesiumdb.sql.codec.KeyRange;
import io.cesiumdb.txn.rw.ReadOnlyTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A read-only {@link KvTxn} over the coordinator's {@link ReadOnlyTransaction}: lock-free snapshot
 * reads at {@code readTs}, at any replica that has caught up. Writes fail with {@code
 * TXN_READ_ONLY}; commit returns the read timestamp.
 */
final class SnapshotKvTxn implements KvTxn {
  private final ReadOnlyTransaction txn;
  private final TxnLifecycle life = new TxnLifecycle("read-only transaction");

  SnapshotKvTxn(ReadOnlyTransaction txn) {
    this.txn = txn;
  }

  @Override
  public boolean readOnly() {
    return true;
  }

  @Override
  public Optional<ByteString> get(long keyspace, ByteString key) {
    life.checkActive();
    return txn.read(keyspace, key);
  }

  @Override
  public List<KvEntry> scan(long keyspace, KeyRange range, int limit) {
    life.checkActive();
    if (range.isEmpty()) {
      return List.of();
    }
    List<Row> rows = txn.scan(keyspace, range.start(), range.end());
    int n = limit == 0 ? rows.size() : Math.min(limit, rows.size());
    List<KvEntry> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(new KvEntry(rows.get(i).getKey(), rows.get(i).getValue()));
    }
    return out;
  }

  @Override
  public void put(long keyspace, ByteString key, ByteString value) {
    life.checkWritable(true);
  }

  @Override
  public void delete(long keyspace, ByteString key) {
    life.checkWritable(true);
  }

  @Override
  public long commit() {
    life.checkActive();
    life.end();
    return txn.readTs();
  }

  @Override
  public void rollback() {
    life.end();
  }
}
