package io.cesiumdb.txn.rw;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.truetime.TrueTime;
import io.cesiumdb.txn.routing.KeyRouter;
import io.cesiumdb.txn.routing.SnapshotRoute;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Starts read-write transactions ({@link #begin()}) and runs them with retries ({@link #retry}).
 * One per client: it holds the {@link KeyRouter} (shared, not closed here), the {@link TrueTime}
 * that gives priorities, the id counter, and one scheduler thread that runs every open
 * transaction's keepalive.
 *
 * <p>Transaction ids are {@code <client id>-<priority>-<counter>}: unique per client by the
 * counter, and they show the priority in logs. Thread-safe; {@link Transaction}s are not.
 */
public final class Transactions implements AutoCloseable {
  private static final AtomicInteger THREADS = new AtomicInteger();

  /** How often the decision records of fully resolved 2PC transactions are forgotten, batched. */
  static final long FORGET_INTERVAL_MILLIS = 1_000;

  private final KeyRouter router;
  private final TrueTime trueTime;
  private final TxnConfig config;
  private final AtomicLong counter = new AtomicLong();
  private final ScheduledExecutorService keepalives;
  private final DecisionForgetter forgetter;

  public Transactions(KeyRouter router, TrueTime trueTime) {
    this(router, trueTime, TxnConfig.defaults());
  }

  public Transactions(KeyRouter router, TrueTime trueTime, TxnConfig config) {
    this.router = router;
    this.trueTime = trueTime;
    this.config = config;
    ScheduledThreadPoolExecutor s =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = Executors.defaultThreadFactory().newThread(r);
              t.setName("cesium-txn-keepalive-" + THREADS.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    s.setRemoveOnCancelPolicy(true); // finished transactions leave no task behind
    this.keepalives = s;
    this.forgetter = new DecisionForgetter(router).startOn(s, FORGET_INTERVAL_MILLIS);
  }

  /** Begins a transaction: a new id, priority {@code TT.now().latest}, keepalive started. */
  public Transaction begin() {
    return begin(trueTime.now().latest());
  }

  /**
   * Runs {@code body} in a fresh transaction and commits it. On {@code TXN_WOUNDED}, {@code
   * TXN_ABORTED} or {@code TXN_CONFLICT} (from the body or the commit) it rolls back and runs it
   * again in a transaction with a new id and the <b>same priority</b>, so the transaction ages and
   * is not wounded forever, after a short backoff, up to {@link TxnConfig#retryAttempts()} attempts
   * and {@link TxnConfig#retryDeadline()}. Any other error is thrown at once (an unknown commit
   * outcome is not retried). The body may run several times: keep side effects out of it.
   */
  public <T> Committed<T> retry(Function<Transaction, T> body) {
    return new TxnRetry<>(this, body).run();
  }

  /**
   * A read-only transaction at {@code s_read = TT.now().latest}: it sees every transaction
   * acknowledged before this call (their commit wait put them below it), takes no locks.
   */
  public ReadOnlyTransaction readOnly() {
    return new ReadOnlyTransaction(router, trueTime.now().latest(), SnapshotRoute.LEADER_FIRST);
  }

  /** A snapshot read at exactly {@code readTs} (time travel), at any replica that reached it. */
  public ReadOnlyTransaction snapshotAt(long readTs) {
    if (readTs <= 0) {
      throw new CesiumException(ErrorCode.INVALID_ARGUMENT, "snapshot timestamp must be > 0");
    }
    return new ReadOnlyTransaction(router, readTs, SnapshotRoute.ANY_REPLICA);
  }

  /**
   * A snapshot read at most {@code maxStaleness} old ({@code TT.now().latest - maxStaleness}):
   * followers whose safe time passed it serve it without asking the leader.
   */
  public ReadOnlyTransaction boundedStaleness(Duration maxStaleness) {
    long ts = trueTime.now().latest() - TimeUnit.NANOSECONDS.toMicros(maxStaleness.toNanos());
    return snapshotAt(Math.max(1, ts));
  }

  /**
   * Runs {@code body} in a read-only transaction, retrying it in a fresh one (new timestamp) after
   * a retryable error, with the limits of {@link #retry}: read-only transactions retry themselves.
   */
  public <T> T readOnly(Function<ReadOnlyTransaction, T> body) {
    return new ReadOnlyRetry<>(this, body).run();
  }

  public TxnConfig config() {
    return config;
  }

  /**
   * Sends the queued forget requests, then stops the keepalive thread. Open transactions stay valid
   * until their leaders expire them.
   */
  @Override
  public void close() {
    forgetter.flush();
    keepalives.shutdownNow();
  }

  Transaction begin(long priorityTs) {
    String id = config.clientId() + "-" + priorityTs + "-" + counter.incrementAndGet();
    Transaction tx = new Transaction(router, trueTime, forgetter, id, priorityTs);
    tx.start(keepalives, config.keepaliveInterval().toNanos());
    return tx;
  }

  long priorityNow() {
    return trueTime.now().latest();
  }
}
