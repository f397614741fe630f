package io.cesiumdb.sql.exec;

import com.google.protobuf.ByteString;
import io.cesiumdb.sql.codec.KeyRange;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link KvStore} wrapper that counts what the executor asks of the store, so tests can say "a
 * point query never scans" and "an autocommitted query runs read-only", and can make the next reads
 * or commits fail to exercise transaction errors and retries.
 */
public final class CountingKvStore implements KvStore {
  public final AtomicInteger gets = new AtomicInteger();
  public final AtomicInteger scans = new AtomicInteger();
  public final AtomicInteger readWriteTxns = new AtomicInteger();
  public final AtomicInteger readOnlyTxns = new AtomicInteger();
  public final AtomicInteger failNextCommits = new AtomicInteger();
  public final AtomicInteger failNextReads = new AtomicInteger();

  private final KvStore inner;
  private volatile RuntimeException commitFailure;
  private volatile RuntimeException readFailure;

  public CountingKvStore(KvStore inner) {
    this.inner = inner;
  }

  /** The next {@code n} commits throw {@code failure} (after rolling back). */
  public void failNextCommits(int n, RuntimeException failure) {
    commitFailure = failure;
    failNextCommits.set(n);
  }

  /** The next {@code n} reads (get or scan) throw {@code failure}. */
  public void failNextReads(int n, RuntimeException failure) {
    readFailure = failure;
    failNextReads.set(n);
  }

  private void maybeFailRead() {
    if (failNextReads.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw readFailure;
    }
  }

  public void reset() {
    gets.set(0);
    scans.set(0);
    readWriteTxns.set(0);
    readOnlyTxns.set(0);
  }

  @Override
  public KvTxn begin() {
    readWriteTxns.incrementAndGet();
    return new Counting(inner.begin());
  }

  @Override
  public KvTxn beginReadOnly() {
    readOnlyTxns.incrementAndGet();
    return new Counting(inner.beginReadOnly());
  }

  private final class Counting implements KvTxn {
    private final KvTxn txn;

    Counting(KvTxn txn) {
      this.txn = txn;
    }

    @Override
    public boolean readOnly() {
      return txn.readOnly();
    }

    @Override
    public Optional<ByteString> get(long keyspace, ByteString key) {
      gets.incrementAndGet();
      maybeFailRead();
      return txn.get(keyspace, key);
    }

    @Override
    public List<KvEntry> scan(long keyspace, KeyRange range, int limit) {
      scans.incrementAndGet();
      maybeFailRead();
      return txn.scan(keyspace, range, limit);
    }

    @Override
    public void put(long keyspace, ByteString key, ByteString value) {
      txn.put(keyspace, key, value);
    }

    @Override
    public void delete(long keyspace, ByteString key) {
      txn.delete(keyspace, key);
    }

    @Override
    public long commit() {
      if (failNextCommits.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        txn.rollback();
        throw commitFailure;
      }
      return txn.commit();
    }

    @Override
    public void rollback() {
      txn.rollback();
    }
  }
}
