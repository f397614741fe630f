/**
 * Read-write transactions at a tablet leader, single-tablet path (issue 5; {@code
 * docs/design/transactions.md} §3, {@code shared/design/spanner-mechanics.md} §1.6).
 *
 * <h2>Map</h2>
 *
 * <pre>
 *  TxnManager   per node: one TabletTxns per led tablet and term; the tick (expiry, leadership)
 *  TabletTxns   per tablet and term: the LockTable plus transactions that ended here (wounded,
 *               abandoned, lost with the previous term), so their later requests fail with why
 *  TxnErrors    the errors this layer adds (LEADER_CHANGED abort, closed table)
 *  locks/       the lock table itself (wound-wait; diagram on LockTable)
 * </pre>
 *
 * <h2>Invariants</h2>
 *
 * <ul>
 *   <li>A wounded or abandoned transaction is aborted at once: its locks are released by the
 *       listener (nothing of it is logged before the commit), and its later requests fail with the
 *       recorded reason (TXN_WOUNDED / TXN_ABORTED, SQLSTATE 40001).
 *   <li>A committing transaction is marked prepared in the lock table once its exclusive locks are
 *       granted, so it is never wounded while its write is in flight; its locks are released only
 *       after the write completed (success or failure).
 *   <li>A table belongs to one leadership term; at a new term or a lost leadership it is closed and
 *       its transactions are remembered as aborted (LEADER_CHANGED) by the next table on this node.
 * </ul>
 *
 * <h2>Leader changes</h2>
 *
 * <p>Locks die with the leader's term. A txn read answers the term of the table that holds its lock
 * ({@code txn_term}); the client sends the term of its first read here back as {@code
 * CommitTxnRequest.read_term}, and a commit under another term is aborted (TXN_ABORTED,
 * LEADER_CHANGED): its reads may no longer hold (TxnIsolationIT). On the same node, the next term
 * also remembers the previous term's txns as aborted. Not yet checked: read-only participants of a
 * single-tablet commit (tablets the txn only read) whose leader changed between the read and the
 * commit; the client notices it only if it reads there again. Two-phase commit will check every
 * participant at prepare.
 *
 * <h2>Neighbours</h2>
 *
 * <p>Called by the handlers ({@code ReadHandler}/{@code ScanHandler} with a TxnContext, {@code
 * CommitTxnHandler}, {@code AbortTxnHandler}, {@code TouchTxnHandler}); uses {@code
 * replication.TabletReplica} (leadership, term) and {@code ReplicaHost} (timer).
 */
package io.cesiumdb.tablet.txn;
