package io.cesiumdb.tablet.txn;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.tablet.txn.locks.LockSpan;
import io.cesiumdb.tablet.txn.locks.LockTable;
import io.cesiumdb.tablet.txn.locks.LockWait;
import io.cesiumdb.tablet.txn.locks.TxnLockRequest;
import io.cesiumdb.tablet.txn.locks.WoundWaitLockTable;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read-write transactions of one tablet replica during ONE leadership term: its {@link
 * LockTable} plus the transactions that ended here without their owner knowing yet (wounded,
 * abandoned, lost with a previous term, or finished by its owner). A request of such a transaction
 * fails with the reason it ended, until the entry ages out ({@link #expire}).
 *
 * <p>Single-tablet path: nothing is logged before the commit, so a wounded or abandoned transaction
 * is aborted at once by releasing its locks (the listener does it). {@link #beginCommit} marks a
 * transaction prepared in the table once its exclusive locks are granted, so it cannot be wounded
 * while its write is in flight: its locks are released only after the write completed.
 */
public final class TabletTxns {
  private static final Logger LOG = LoggerFactory.getLogger(TabletTxns.class);

  private final long tabletId;
  private final long term;
  private final LockTable locks;
  private final Map<String, Ended> ended = new ConcurrentHashMap<>();
  private final Map<String, Long> tokens = new ConcurrentHashMap<>();
  private final AtomicLong lastToken = new AtomicLong();
  private volatile boolean closed;

  /** A lock request waiting this long is logged once, with whoever is in its way. */
  static final Duration LONG_WAIT = Duration.ofSeconds(1);

  /** Low bits of a lock token: the incarnation counter; the high bits hold the term. */
  private static final int COUNTER_BITS = 40;

  /**
   * What ended a transaction here, and when (System.nanoTime). The reason is built when a late
   * request asks for it: every finished transaction gets a record, and few are ever asked.
   */
  private record Ended(Supplier<CesiumException> reason, long atNanos) {
    static Ended now(CesiumException reason) {
      return new Ended(() -> reason, System.nanoTime());
    }
  }

  TabletTxns(long tabletId, long term, Collection<String> lostWithPreviousTerm) {
    this.tabletId = tabletId;
    this.term = term;
    this.locks = new WoundWaitLockTable(this::mustAbort);
    for (String txnId : lostWithPreviousTerm) {
      ended.put(txnId, Ended.now(TxnErrors.leaderChanged(txnId, tabletId)));
    }
  }

  /** The leadership term this table belongs to. */
  public long term() {
    return term;
  }

  /**
   * The token under which the transaction's locks here are held, answered to its reads as {@code
   * txn_term} and checked at commit against the token of its first read ({@code read_term}); 0 when
   * it holds nothing here. A transaction gets a new token whenever its locks were released without
   * its owner's word: a wound, an idle expiry, a coordinator's abort, or a leader change (a new
   * table). Comparing terms alone missed one case: a transaction wounded while idle between
   * statements whose "ended" record aged out before its next request; that request locked afresh,
   * and the commit wrote values computed from reads whose locks were gone (a lost update, found by
   * the bank workload).
   */
  public long lockToken(String txnId) {
    Long t = tokens.get(txnId);
    return t == null ? 0 : t;
  }

  /**
   * The lock token of a transaction that must still hold the locks it was granted under {@code
   * token}: a read answered under a lock must not be answered once that lock is gone (a wound, an
   * expiry, a leader change while the read ran), or the client would commit on data nobody protects
   * any more.
   *
   * @throws CesiumException the reason the transaction ended here, or TXN_ABORTED when its locks
   *     went otherwise
   */
  public long requireToken(String txnId, long token) {
    requireRunning(txnId);
    long now = lockToken(txnId);
    if (token == 0 || now != token) {
      throw TxnErrors.locksLostDuringRead(txnId, tabletId);
    }
    return now;
  }

  /** How many lock requests wait here, for diagnostics and tests. */
  public int waiterCount() {
    return locks.waiterCount();
  }

  /** The lock table, for diagnostics and tests. */
  LockTable locks() {
    return locks;
  }

  /**
   * Takes one lock for the transaction (and records its activity). Fails with the reason the
   * transaction ended here, with the table's error, or when the transaction is wounded while it
   * waits; a lock granted to a transaction that was wounded meanwhile is released again.
   */
  public CompletableFuture<Void> lock(TxnLockRequest request) {
    String txnId = request.txnId();
    try {
      requireRunning(txnId);
    } catch (CesiumException e) {
      return CompletableFuture.failedFuture(e);
    }
    LOG.debug("Tablet {}: txn {} asks {}", tabletId, txnId, request);
    locks.touch(txnId, System.nanoTime());
    tokens.computeIfAbsent(txnId, k -> (term << COUNTER_BITS) | lastToken.incrementAndGet());
    return locks
        .acquire(request)
        .handle(
            (v, t) -> {
              Ended why = ended.get(txnId);
              if (why != null || closed) {
                tokens.remove(txnId);
                locks.releaseAll(txnId);
                throw new CompletionException(why != null ? why.reason.get() : tableClosed());
              }
              if (t != null) {
                throw t instanceof CompletionException c ? c : new CompletionException(t);
              }
              return null;
            });
  }

  /**
   * Takes EXCLUSIVE locks on {@code keys} one after the other, in the given order (callers pass
   * them sorted, so every transaction asks in the same order).
   */
  public CompletableFuture<Void> lockExclusive(String txnId, long priorityTs, List<byte[]> keys) {
    CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
    for (byte[] key : keys) {
      TxnLockRequest r = TxnLockRequest.exclusive(txnId, priorityTs, LockSpan.key(key));
      chain = chain.thenCompose(v -> lock(r));
    }
    return chain;
  }

  /**
   * Called once the commit's locks are granted, before its write: from now on the transaction is
   * never wounded (older requesters wait for it).
   *
   * @throws CesiumException when it was wounded or ended meanwhile
   */
  public void beginCommit(String txnId) {
    boolean prepared = locks.markPrepared(txnId);
    // The map is checked after markPrepared: the listener records a wound before it releases.
    requireRunning(txnId);
    if (!prepared) {
      throw TxnErrors.woundedMeanwhile(txnId);
    }
  }

  /**
   * Validates a tablet the transaction only read, at commit: its read locks must still be held
   * (holding nothing means they expired or went with an earlier leader) and unwounded; from now on
   * they are pinned (never wounded) until the client releases them after the decision.
   *
   * @throws CesiumException TXN_ABORTED or TXN_WOUNDED when the reads can no longer be trusted
   */
  public void pinReads(String txnId) {
    requireRunning(txnId);
    if (!locks.touch(txnId, System.nanoTime())) {
      throw TxnErrors.readLocksLost(txnId, tabletId);
    }
    beginCommit(txnId);
  }

  /**
   * A new leader's table takes the EXCLUSIVE locks of a transaction prepared under an earlier
   * leader (design §4), and marks it prepared. Called on a fresh table before anyone else uses it,
   * so every lock is granted at once.
   */
  void adoptPrepared(String txnId, long priorityTs, List<byte[]> keys) {
    CompletableFuture<Void> locked = lockExclusive(txnId, priorityTs, keys);
    if (!locked.isDone() || locked.isCompletedExceptionally()) {
      String why = locked.isDone() ? locked.handle((v, t) -> String.valueOf(t)).join() : "waits";
      throw new IllegalStateException(
          "tablet "
              + Long.toUnsignedString(tabletId)
              + ": prepared txn "
              + txnId
              + " not adopted ("
              + why
              + "); holders: "
              + locks.holders(LockSpan.all()));
    }
    locks.markPrepared(txnId);
  }

  /**
   * The coordinator recorded ABORTED for a transaction (recovery came first): a commit of it that
   * waits for locks here fails, and its locks go.
   */
  public void abortDecided(String txnId) {
    mustAbort(txnId, TxnErrors.abortedByCoordinator(txnId, tabletId));
  }

  /**
   * Ends the transaction here: releases its locks (commit done, or abort). It stays remembered as
   * ended until {@link #expire} ages it out, so a request of it that arrives late (a read the
   * client stopped waiting for, a re-sent prepare) fails instead of taking locks nobody would
   * release.
   */
  public void finish(String txnId) {
    LOG.debug("Tablet {}: txn {} finished", tabletId, txnId);
    ended.put(txnId, new Ended(() -> TxnErrors.endedHere(txnId, tabletId), System.nanoTime()));
    tokens.remove(txnId);
    locks.releaseAll(txnId);
  }

  /** Keepalive; true when the table holds locks or waiting requests of the transaction. */
  public boolean touch(String txnId) {
    requireRunning(txnId);
    return locks.touch(txnId, System.nanoTime());
  }

  /**
   * Aborts transactions idle for {@code timeout} (returned); forgets ended ones older than that;
   * logs lock requests waiting longer than {@link #LONG_WAIT}, each once.
   */
  List<String> expire(Duration timeout) {
    long now = System.nanoTime();
    List<String> expired = locks.expire(now, timeout);
    if (!expired.isEmpty()) {
      LOG.info("Tablet {}: aborted idle transactions {}", tabletId, expired);
    }
    ended.values().removeIf(e -> now - e.atNanos > timeout.toNanos());
    for (LockWait w : locks.longWaits(now, LONG_WAIT.toNanos())) {
      LOG.info("Tablet {}: long lock wait: {}", Long.toUnsignedString(tabletId), w);
    }
    return expired;
  }

  /** Leadership lost: fails every waiter, forgets every lock. Returns the transactions known. */
  List<String> close() {
    closed = true;
    tokens.clear();
    return locks.clear(tableClosed());
  }

  boolean isClosed() {
    return closed;
  }

  private void requireRunning(String txnId) {
    Ended why = ended.get(txnId);
    if (why != null) {
      throw why.reason.get();
    }
    if (closed) {
      throw tableClosed();
    }
  }

  private CesiumException tableClosed() {
    return TxnErrors.tableClosed(tabletId);
  }

  /** The lock table's verdict: record it, then abort at once (nothing is logged yet). */
  private void mustAbort(String txnId, CesiumException reason) {
    ended.putIfAbsent(txnId, Ended.now(reason));
    tokens.remove(txnId);
    locks.releaseAll(txnId);
    LOG.debug("Tablet {}: txn {} aborted: {}", tabletId, txnId, reason.getMessage());
  }
}
