package io.cesiumdb.sql.exec;

import com.google.protobuf.ByteString;
import io.cesiumdb.proto.tablet.Row;
import io.cesiumdb.sql.codec.KeyRange;
import io.cesiumdb.txn.rw.Transaction;
import io.cesiumdb.txn.rw.TxnState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link KvTxn} over the coordinator's read-write {@link Transaction}. The transaction buffers
 * writes until commit but its reads return committed data only, so this adapter keeps a copy of the
 * writes ({@link WriteOverlay}) and lays it over every read.
 *
 * <p>NB: {@code Transaction.scan} has no limit; the limit is applied here after the merge.
 */
final class CoordinatorKvTxn implements KvTxn {
  private final Transaction txn;
  private final WriteOverlay writes = new WriteOverlay();
  private final TxnLifecycle life;

  CoordinatorKvTxn(Transaction txn) {
    this.txn = txn;
    this.life = new TxnLifecycle("txn " + txn.id());
  }

  @Override
  public boolean readOnly() {
    return false;
  }

  @Override
  public Optional<ByteString> get(long keyspace, ByteString key) {
    life.checkActive();
    Optional<ByteString> mine = writes.lookup(keyspace, key);
    return mine != null ? mine : txn.read(keyspace, key);
  }

  @Override
  public List<KvEntry> scan(long keyspace, KeyRange range, int limit) {
    life.checkActive();
    if (range.isEmpty()) {
      return List.of();
    }
    List<Row> rows = txn.scan(keyspace, range.start(), range.end());
    List<KvEntry> base = new ArrayList<>(rows.size());
    for (Row r : rows) {
      base.add(new KvEntry(r.getKey(), r.getValue()));
    }
    return writes.merge(keyspace, range, base, limit);
  }

  @Override
  public void put(long keyspace, ByteString key, ByteString value) {
    life.checkWritable(false);
    txn.put(keyspace, key, value);
    writes.put(keyspace, key, value);
  }

  @Override
  public void delete(long keyspace, ByteString key) {
    life.checkWritable(false);
    txn.delete(keyspace, key);
    writes.delete(keyspace, key);
  }

  @Override
  public long commit() {
    life.checkActive();
    try {
      return txn.commit();
    } finally {
      life.end();
    }
  }

  @Override
  public void rollback() {
    life.end();
    if (txn.state() == TxnState.ACTIVE) {
      txn.rollback();
    }
  }
}
