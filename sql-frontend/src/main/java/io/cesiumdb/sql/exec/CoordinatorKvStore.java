package io.cesiumdb.sql.exec;

import io.cesiumdb.txn.rw.Transactions;

/**
 * The production {@link KvStore}: transactions of the transaction coordinator ({@link
 * Transactions}, shared, not closed here). Read-write transactions are {@code Transactions.begin()}
 * with the buffer overlay the SQL layer needs; read-only ones are {@code Transactions.readOnly()}
 * snapshots at {@code TT.now().latest}.
 */
public final class CoordinatorKvStore implements KvStore {
  private final Transactions transactions;

  public CoordinatorKvStore(Transactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public KvTxn begin() {
    return new CoordinatorKvTxn(transactions.begin());
  }

  @Override
  public KvTxn beginReadOnly() {
    return new SnapshotKvTxn(transactions.readOnly());
  }
}
