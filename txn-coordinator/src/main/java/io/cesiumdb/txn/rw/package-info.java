/**
 * Transactions, client side (docs/design/transactions.md §3, §5; issue 5): read-write ones (begin,
 * locked reads at the leaders, buffered writes, commit on one tablet or by two-phase commit,
 * rollback, keepalive, retry) and read-only ones (one snapshot timestamp, no locks).
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
 *  CommitPipeline the commit's ordered stages (assembled there): BufferWrites, ChooseCoordinator,
 *                 Prepare, ChooseTimestamp, CommitWait, Commit, Release; CommitContext, Aborts
 *  DecisionForgetter  batches ForgetTxnDecisions per coordinator tablet once every participant
 *                 acknowledged the outcome (flushed each second on the keepalive scheduler)
 *  ReadOnlyTransaction reads at one timestamp, any replica; ReadOnlyRetry retries it itself
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
 *   <li>A CommitTxn that may have been applied (timeout after sending) is never re-sent; it is
 *       settled by the transaction's decision record at the coordinator tablet (TxnStatus, which
 *       two-phase participants also consult in recovery); only when that cannot be asked either
 *       does it answer TXN-7 (40003, outcome unknown, not retryable).
 *   <li>A decision record is forgotten only after every participant acknowledged the outcome (at
 *       once for a single-tablet commit, which has none).
 *   <li>No tablet becomes unwoundable for a transaction before it holds every lock (lock round).
 * </ul>
 */
package io.cesiumdb.txn.rw;
