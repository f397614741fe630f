/**
 * The lock table of a tablet leader: shared and exclusive locks on keys and key ranges for
 * read-write transactions, with wound-wait deadlock avoidance and keepalive expiry (Spanner OSDI12
 * §4.1.2, §4.2.1; {@code shared/design/spanner-mechanics.md} §1.6). The diagram of holders,
 * waiters, the wound-wait decision and a request's states is on {@link
 * io.cesiumdb.tablet.txn.locks.LockTable}.
 *
 * <h2>Role</h2>
 *
 * <p>Reads in a read-write transaction take SHARED locks at the leader (a scan locks its whole
 * range, so an insert into it conflicts: no phantoms); buffered writes take EXCLUSIVE locks at
 * prepare, or at commit for a single-tablet transaction. Older transactions (smaller start
 * timestamp) wound younger holders; younger ones wait. The table only decides: aborting a wounded
 * or abandoned transaction is its owner's job, told through {@link
 * io.cesiumdb.tablet.txn.locks.WoundListener}.
 *
 * <h2>Map</h2>
 *
 * <pre>
 *  LockTable            the interface (and its diagram)
 *  WoundWaitLockTable   the implementation: one monitor, decisions under it, effects after it
 *  TxnLockRequest       one wanted lock: txn id, priority (start ts), LockSpan, LockMode
 *  LockSpan, LockMode   key or [start, end) range (unsigned bytes, empty end = +inf); S / X
 *  LockHolder           a granted lock as seen by diagnostics and tests
 *  WoundListener        "abort this transaction" (wounded, or abandoned)
 *  internals            TxnLocks (per txn), HeldLock, Waiter, SpanIndex (granted locks by span),
 *                       WaitQueue (all waiters, oldest first), Outbox, Aborts, GrantObserver
 * </pre>
 *
 * <h2>Invariants</h2>
 *
 * <ul>
 *   <li>No two granted locks of different transactions on overlapping spans conflict (at least one
 *       exclusive). A wounded holder keeps its locks until {@code releaseAll}.
 *   <li>A prepared holder is never wounded; an older requester waits for it. A prepared transaction
 *       takes no new lock, so it never waits.
 *   <li>Waits-for edges go from younger to older transactions, except towards prepared holders,
 *       which wait for nothing: no deadlock.
 *   <li>No request is granted while a conflicting request of an older transaction waits; waiting
 *       requests are examined oldest first.
 *   <li>Every future the table hands out completes exactly once; futures are completed and the
 *       listener is called outside the monitor.
 *   <li>The table reads no clock: activity and expiry times are passed in.
 * </ul>
 *
 * <h2>Neighbours</h2>
 *
 * <p>Called by the tablet leader's transaction handlers (issue 5: lock-taking reads and scans,
 * prepare, commit, abort, keepalive) and by the replica on leadership loss ({@code clear}). Calls
 * nothing outside this package but {@code common}'s error types and SLF4J.
 */
package io.cesiumdb.tablet.txn.locks;
