package io.cesiumdb.tablet.txn.locks;

import io.cesiumdb.common.error.CesiumException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The locks of the read-write transactions at one tablet leader (Spanner OSDI12 §4.1.2, §4.2.1:
 * pessimistic concurrency control, wound-wait deadlock avoidance). Lives in memory only; a replica
 * that loses leadership calls {@link #clear} and aborts every transaction that held a lock.
 *
 * <pre>
 * Granted locks and waiting requests, per span (keys a &lt; b &lt; c &lt; d):
 *
 *   key space   a ........ b ........ c ........ d ........ +inf
 *   granted     T7:X{a}    T3:S[b,d) -----------)
 *                                     T5:S{c}
 *   waiting     T2:S{a}    older than T7: wounded T7, waits for releaseAll(T7)
 *   (oldest     T8:S[a,c)  compatible with T3, but younger than T7 (X{a}): waits
 *    first)     T9:X{c}    younger than T3 and T5: waits
 *
 * The wound-wait decision, when request R of transaction T conflicts with a lock granted
 * to another transaction H (older = smaller start timestamp, ties by smaller txn id):
 *
 *                       T older than H ?
 *                      /                \
 *                    yes                 no
 *                    /                     \
 *             H prepared ?               T waits (young waits for old)
 *             /          \
 *           yes           no
 *            |             |
 *        T waits       WOUND H: listener.mustAbort(H, TXN_WOUNDED); H's waiting
 *        (2PC owns        requests fail with TXN_WOUNDED at once; H keeps its granted
 *         H's fate)       locks until the owner aborts it (releaseAll(H)); T waits
 *
 * Fairness: R also waits behind every OLDER waiting request it conflicts with, so a stream of
 * young requests never overtakes an old one. When locks are released, waiting requests are
 * re-examined oldest first and every one that no longer conflicts is granted.
 *
 * The life of one lock request:
 *
 *             granted at once (no conflict, or T already holds a covering lock)
 *   acquire --------------------------------------------------+
 *      |                                                      v
 *      +--&gt; WAITING --- holders and older waiters gone ---&gt; GRANTED --releaseAll(T)--&gt; RELEASED
 *              |                                              |          expire, clear
 *              | T wounded, releaseAll(T),                    | T wounded: stays GRANTED
 *              | expire(T), clear                             | (others wait) until the
 *              v                                              | owner calls releaseAll(T)
 *           FAILED (TXN_WOUNDED, TXN_ABORTED, or the clear reason)
 * </pre>
 *
 * <p>Every method is thread-safe. Futures are completed and the listener is called outside the
 * table's monitor, so continuations never run under it. Time is passed in: the table reads no
 * clock.
 */
public interface LockTable {

  /**
   * Grants {@code request} once no other transaction holds a conflicting lock and no older waiting
   * request conflicts with it. Re-entrant: a lock that a transaction already holds (on the same or
   * a containing span, in the same or a stronger mode) is granted at once; asking for EXCLUSIVE on
   * a span held SHARED upgrades it, under the same wound-wait rule.
   *
   * <p>The future fails with {@code TXN_WOUNDED} if the transaction is or becomes wounded before
   * the grant, with {@code TXN_ABORTED} if it is released or expired while waiting, or with the
   * {@link #clear} reason. NB: the returned future is a copy; completing or cancelling it does not
   * withdraw the request. To give up waiting (lock timeout), abort the transaction and call {@link
   * #releaseAll}. A prepared transaction may take no new lock (only re-acquire what it holds): its
   * request fails with {@code INVALID_ARGUMENT}, because a transaction that cannot be wounded must
   * not wait, or wound-wait could deadlock.
   */
  CompletableFuture<Void> acquire(TxnLockRequest request);

  /**
   * Releases every lock of the transaction, fails its waiting requests with {@code TXN_ABORTED},
   * forgets it, and grants what now can be. Called at commit (after the commit is applied) and at
   * abort. Unknown transactions are ignored.
   */
  void releaseAll(String txnId);

  /**
   * Marks the transaction prepared: from now on it is never wounded (an older requester waits for
   * it), and {@link #expire} skips it, because a prepared participant's fate belongs to the
   * coordinator. Call after its exclusive locks are granted and before logging the prepare.
   *
   * @return false when the transaction was wounded already: the caller must abort it instead; true
   *     also for a transaction holding no lock here (there is nothing to protect)
   */
  boolean markPrepared(String txnId);

  /**
   * Records activity (a request or keepalive) of the transaction at {@code nowNanos}.
   *
   * @return false when the table does not know the transaction (never locked here, or released,
   *     expired, or cleared): the keepalive may tell the client its transaction is gone here
   */
  boolean touch(String txnId, long nowNanos);

  /**
   * Aborts every transaction that is not prepared and has had no activity for {@code timeout}:
   * tells the listener ({@code TXN_ABORTED}, reason {@code ABANDONED}), fails its waiting requests,
   * releases its locks and grants what now can be. A transaction never {@link #touch touched}
   * counts as active at the first {@code expire} call that sees it.
   *
   * @return the ids of the transactions aborted
   */
  List<String> expire(long nowNanos, Duration timeout);

  /**
   * Fails every waiting request with {@code reason} and forgets every transaction and lock; the
   * listener is not called. For leadership loss: the caller aborts the returned transactions.
   *
   * @return the ids of every transaction the table knew
   */
  List<String> clear(CesiumException reason);

  /** The granted locks whose spans overlap {@code span}, for diagnostics and tests. */
  List<LockHolder> holders(LockSpan span);

  /** How many lock requests are waiting. */
  int waiterCount();

  /**
   * The requests that have waited at least {@code thresholdNanos}, each reported once, for the
   * tablet's diagnostics. A request's wait is counted from the first call that saw it waiting, so
   * callers call this on a regular tick.
   */
  List<LockWait> longWaits(long nowNanos, long thresholdNanos);

  /** How many transactions the table knows (holding, waiting, or prepared). */
  int transactionCount();
}
