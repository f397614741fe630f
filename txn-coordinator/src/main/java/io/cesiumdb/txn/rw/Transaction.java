package io.cesiumdb.txn.rw;

import com.google.protobuf.ByteString;
import io.cesiumdb.common.error.AbortReason;
import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.common.error.RetryHint;
import io.cesiumdb.proto.tablet.ReadResponse;
import io.cesiumdb.proto.tablet.Row;
import io.cesiumdb.proto.tablet.TxnContext;
import io.cesiumdb.truetime.TrueTime;
import io.cesiumdb.txn.routing.KeyRanges;
import io.cesiumdb.txn.routing.KeyRouter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

/**
 * One read-write transaction, client side (docs/design/transactions.md §3). Reads and scans go to
 * the tablet leaders with this transaction's {@link TxnContext}; the leaders take SHARED locks
 * (wound-wait by {@link #priorityTs()}). Writes are buffered here and sent at {@link #commit()}.
 *
 * <p><b>Reads do not see this transaction's own buffered writes</b> (Spanner semantics): {@link
 * #read} and {@link #scan} return committed data only; a caller that needs read-your-writes (the
 * SQL layer) overlays its own buffer.
 *
 * <p>Commit ({@link CommitPipeline}): writes in exactly one tablet commit there in one {@code
 * CommitTxn}; writes in several commit by two-phase commit; no writes release the read locks. A
 * {@code TXN-1/2/3} error (SQLSTATE 40001) at any step ends the transaction and releases its locks:
 * retry it from the start, e.g. with {@link Transactions#retry}.
 *
 * <p><b>Not thread-safe</b>: one thread uses a transaction at a time. Methods block (they wait on
 * router futures), so never call them on a router callback thread. {@link #close()} rolls back a
 * transaction still active, for try-with-resources.
 */
public final class Transaction implements AutoCloseable {
  private final KeyRouter router;
  private final TrueTime clock;
  private final TxnContext ctx;
  private final Participants participants = new Participants();
  private final WriteBuffer buffer = new WriteBuffer();
  private final LockedReads lockedReads = new LockedReads();
  private final Keepalive keepalive;
  private final DecisionForgetter forgetter;
  private TxnState state = TxnState.ACTIVE;
  private volatile CesiumException doomed;

  Transaction(
      KeyRouter router, TrueTime clock, DecisionForgetter forgetter, String id, long priorityTs) {
    this.router = router;
    this.clock = clock;
    this.forgetter = forgetter;
    this.ctx = TxnContext.newBuilder().setTxnId(id).setPriorityTs(priorityTs).build();
    this.keepalive = new Keepalive(router, id, participants, e -> doomed = e);
  }

  public String id() {
    return ctx.getTxnId();
  }

  /** The priority: TT.now().latest at the first attempt's begin, kept across retries. */
  public long priorityTs() {
    return ctx.getPriorityTs();
  }

  public TxnState state() {
    return state;
  }

  /** The context the tablets see (id and priority). */
  public TxnContext context() {
    return ctx;
  }

  /**
   * The latest committed value of {@code key}, under a shared lock; not this txn's own writes. A
   * key read before in this transaction is answered from what that read returned ({@link
   * LockedReads}).
   */
  public Optional<ByteString> read(long keyspace, ByteString key) {
    checkActive();
    Optional<ByteString> again = lockedReads.get(keyspace, key);
    if (again != null) {
      return again;
    }
    try {
      ReadResponse r =
          TxnErrors.await(
              router.read(
                  keyspace,
                  key,
                  ctx,
                  (d, ts, term) -> participants.served(keyspace, d, key, ts, term)));
      requireLocksKept();
      Optional<ByteString> value = r.getFound() ? Optional.of(r.getValue()) : Optional.empty();
      lockedReads.put(keyspace, key, value);
      return value;
    } catch (CesiumException e) {
      throw failedOperation(e);
    }
  }

  /**
   * The latest committed rows of {@code [start, end)} (empty end = to the end of the keyspace), in
   * key order, under shared range locks; not this transaction's own writes.
   */
  public List<Row> scan(long keyspace, ByteString start, ByteString end) {
    checkActive();
    try {
      List<Row> rows =
          TxnErrors.await(
              router.scan(
                  keyspace,
                  start,
                  end,
                  ctx,
                  (d, ts, term) ->
                      participants.served(
                          keyspace, d, KeyRanges.max(start, d.getStartKey()), ts, term)));
      requireLocksKept();
      return rows;
    } catch (CesiumException e) {
      throw failedOperation(e);
    }
  }

  /** Buffers a write of {@code value} at {@code key}; the last write per key wins. */
  public void put(long keyspace, ByteString key, ByteString value) {
    checkActive();
    if (key == null || value == null) {
      throw new CesiumException(ErrorCode.INVALID_ARGUMENT, "put: key and value are required");
    }
    buffer.put(keyspace, key, value);
  }

  /** Buffers a delete of {@code key}; the last write per key wins. */
  public void delete(long keyspace, ByteString key) {
    checkActive();
    if (key == null) {
      throw new CesiumException(ErrorCode.INVALID_ARGUMENT, "delete: key is required");
    }
    buffer.delete(keyspace, key);
  }

  /**
   * Commits and returns the commit timestamp (acknowledged after commit wait); for a transaction
   * without writes, the timestamp of its last read (0 if none) after releasing its read locks.
   * Writes in one tablet commit there; writes in several commit by two-phase commit ({@link
   * CommitPipeline}).
   *
   * @throws CesiumException {@code TXN-1/2/3} (retry from the start), or a retryable {@code
   *     CMN-3/4} when the outcome is unknown
   */
  public long commit() {
    checkActive();
    CommitContext c = new CommitContext(router, clock, ctx, participants, buffer, forgetter);
    try {
      long ts = CommitPipeline.run(c);
      end(TxnState.COMMITTED);
      return ts;
    } catch (CesiumException e) {
      end(TxnState.FAILED);
      throw e;
    }
  }

  /** Ends the transaction: releases every lock it holds ({@code AbortTxn}). Idempotent. */
  public void rollback() {
    if (state == TxnState.ACTIVE) {
      finish(TxnState.ROLLED_BACK, participants.all());
    }
  }

  /** Rolls back if still active. */
  @Override
  public void close() {
    rollback();
  }

  void start(ScheduledExecutorService scheduler, long keepaliveNanos) {
    keepalive.start(scheduler, keepaliveNanos);
  }

  /** Reads under two leader terms at one tablet: the earlier locks are gone, so abort (40001). */
  private void requireLocksKept() {
    if (participants.locksLost()) {
      throw CesiumException.retry(
          ErrorCode.TXN_ABORTED,
          "txn " + id() + ": a tablet's leader changed while it held read locks there",
          new RetryHint.TxnAborted(id(), AbortReason.LEADER_CHANGED));
    }
  }

  private void checkActive() {
    if (state != TxnState.ACTIVE) {
      throw TxnErrors.notActive(id(), state);
    }
    CesiumException d = doomed;
    if (d != null) {
      throw fail(d, participants.all());
    }
  }

  /** A read or scan failed: a transaction error ends the transaction; others leave it active. */
  private CesiumException failedOperation(CesiumException e) {
    return TxnErrors.isRetryFromStart(e) ? fail(e, participants.all()) : e;
  }

  private CesiumException fail(CesiumException e, List<Participants.Participant> release) {
    finish(TxnState.FAILED, release);
    return e;
  }

  private void finish(TxnState end, List<Participants.Participant> release) {
    end(end);
    Participants.release(router, id(), release);
  }

  private void end(TxnState end) {
    state = end;
    keepalive.stop();
  }
}
