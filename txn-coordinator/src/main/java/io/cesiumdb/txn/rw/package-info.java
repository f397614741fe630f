/**
 * Read-write transactions, client side (docs/design/transactions.md §3; issue 5): begin, locked
 * reads at the leaders, buffered writes, single-tablet commit, rollback, keepalive, retry.
 *
 * <h2>Map</h2>
 *
 * <pre>
 *  Transactions   factory: KeyRouter + TrueTime + TxnConfig; ids, keepalive scheduler, retry(fn)
 *  Transaction    one txn (not thread-safe): read, scan, put, delete, commit, rollback
 *    WriteBuffer  last write per (keyspace, key) wins; nothing sent before commit
 *    Participants tablets read from (hold shared locks): touched, then released by AbortTxn
 *    Keepalive    TouchTxn to every participant each interval; a TXN error dooms the txn
 *    CommitPlan   buffered writes grouped by tablet (KeyRouter.tabletFor)
 *  TxnRetry       retry(fn): new id, same priority, backoff, attempt limit and deadline
 *  TxnErrors      which errors mean "retry from the start"; unknown commit outcome
 * </pre>
 *
 * <h2>Neighbours</h2>
 *
 * Below: {@link io.cesiumdb.txn.routing.KeyRouter} (its TxnContext reads and scans, commitTxn,
 * abortTxn, touchTxn). Above: the SQL layer (overlays its own buffer: reads here do not see the
 * transaction's own writes). Over the wire: the tablet leaders' lock tables (wound-wait).
 *
 * <h2>Invariants</h2>
 *
 * <ul>
 *   <li>A transaction's priority is TT.now().latest at its first attempt's begin; retries keep it
 *       and take a new id, so a retried transaction ages and eventually wins wound-wait.
 *   <li>Read locks at other tablets are released only after the commit answered (strict 2PL).
 *   <li>A transaction error (TXN-1/2/3) ends the transaction and releases its locks.
 *   <li>A CommitTxn that may have been applied (timeout after sending) is never re-sent; the caller
 *       gets a retryable CMN-3/4 saying the outcome is unknown. Recovery is issue 5's next step.
 *   <li>Writes in several tablets are refused (FEATURE_NOT_SUPPORTED) after releasing the locks:
 *       2PC is the next step.
 * </ul>
 */
package io.cesiumdb.txn.rw;
