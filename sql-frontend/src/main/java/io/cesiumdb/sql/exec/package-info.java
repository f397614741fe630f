/**
 * The executor's storage boundary and its run-time operators.
 *
 * <p><b>Role.</b> {@link io.cesiumdb.sql.exec.KvTxn} is everything the executor asks of storage:
 * {@code get}, {@code scan(range, limit)}, {@code put}, {@code delete} within one transaction, with
 * read-your-writes, plus {@code commit}/{@code rollback} and a read-only flag; {@link
 * io.cesiumdb.sql.exec.KvStore} hands them out. Implementations: {@link
 * io.cesiumdb.sql.exec.CoordinatorKvStore} over txn-coordinator's {@code Transactions} (read-write
 * {@code Transaction} + an overlay of its buffered writes, because its reads do not see them;
 * read-only {@code ReadOnlyTransaction} snapshots) and {@link io.cesiumdb.sql.exec.InMemoryKvStore}
 * (MVCC in memory, first committer wins) for tests. The contract is the abstract test {@code
 * AbstractKvStoreContractTest} in this module's test-jar.
 *
 * <p>The operators are what compiled plans call: {@link io.cesiumdb.sql.exec.ScanOperator} (a
 * {@link io.cesiumdb.sql.exec.KeyScan} of {@link io.cesiumdb.sql.exec.KeyInterval}s, evaluated per
 * execution into point gets and range scans by {@code KeySpans}) and {@link
 * io.cesiumdb.sql.exec.ModifyOperator} (INSERT / UPSERT / UPDATE / DELETE with store assignment,
 * primary-key uniqueness and statement atomicity). {@link io.cesiumdb.sql.exec.ExecContext} is the
 * per-execution {@code DataContext}: parameters, transaction, statement time.
 *
 * <p><b>Neighbours.</b> Built by {@code io.cesiumdb.sql.plan} (which stashes operators into the
 * generated code of a plan), driven by {@code io.cesiumdb.sql.session} (which picks the
 * transaction). Rows are encoded with {@code io.cesiumdb.sql.codec.TableRowCodec}; the keyspace of
 * a table is its table id.
 *
 * <p><b>Invariants.</b> Operators are immutable and hold no per-execution state, so one compiled
 * plan runs concurrently in many sessions. A scan returns rows in key order, each once (spans are
 * sorted and merged). A key bound never rounds: operands are exact engine values of the key column
 * ({@code DATA_EXCEPTION} otherwise). A DML statement reads its whole input before it writes and
 * hands writes to the transaction only when it succeeds.
 *
 * <p><b>Hazard.</b> {@code Transaction.scan} has no limit, so {@code CoordinatorKvTxn} reads whole
 * ranges and cuts afterwards; a LIMIT over a large range still reads the range (TODO(#6): push the
 * limit into the scan request once the router supports it).
 */
package io.cesiumdb.sql.exec;
