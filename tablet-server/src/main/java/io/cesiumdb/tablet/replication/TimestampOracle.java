package io.cesiumdb.tablet.replication;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.truetime.TrueTime;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;
import java.util.function.Predicate;

/**
 * Assigns commit timestamps to a tablet's writes at its leader, so that timestamps increase
 * strictly in Raft log order and across leader changes, and tracks the leader-read floor
 * (docs/design/replication.md "Timestamps and log order"; docs/design/transactions.md §2).
 *
 * <p>{@link #assign} holds this object's lock while it picks {@code ts = max(lastAssigned + 1,
 * readFloor + 1, appliedMaxTs + 1, leaseFloor + 1, TT.now().latest)} (the clock term, for a 2PC
 * prepare or decision, may be given by the transaction instead) AND while the caller appends the
 * entry to the Raft log: Ratis' {@code submitClientRequestAsync} appends synchronously (on the
 * calling thread, under the division's lock), so two writers never append in the opposite order of
 * their timestamps.
 *
 * <p><b>Timestamp lease.</b> A leader uses a timestamp only below a bound it appended to the log
 * first ({@code TimestampLease{upto}}, {@link #WINDOW_MICROS} ahead). A write's entry follows its
 * lease entry in the log, so it commits only after the lease did; a read at an explicit timestamp
 * waits until a lease covering it is applied. A new leader starts above {@code leaseFloor}, the
 * highest bound applied when it became ready, so it never assigns a timestamp at or below one an
 * earlier leader used, even one only used for a read (proof in transactions.md §2).
 *
 * <p>Lock order: this lock is taken before the Ratis division's lock, never inside a Ratis
 * callback.
 */
final class TimestampOracle {
  /** How far beyond TT.now().latest a leader read may ask for: 10 s. */
  static final long MAX_FUTURE_READ_MICROS = 10_000_000L;

  /**
   * How far ahead of the timestamp that needs it a lease reaches: 500 ms. A trade: one lease entry
   * per window of activity, against the stall after a failover, when the next leader's first
   * timestamps are up to a window ahead of real time and so wait that long in commit wait.
   */
  static final long WINDOW_MICROS = 500_000L;

  private final TrueTime clock;
  private long lastAssigned;
  private long lastAppended;
  private long readFloor;
  private long term = -1;
  private long leaseFloor;
  private long leasedUpto;

  TimestampOracle(TrueTime clock) {
    this.clock = clock;
  }

  /**
   * The leader's view when it asks for a timestamp: its Raft term and the lease bound applied so
   * far. Only a ready leader (every entry of earlier terms applied) may pass one.
   */
  record Leadership(long term, long appliedLeaseUpto, LongConsumer appendLease) {}

  /**
   * Picks the next timestamp and calls {@code append} with it, both under the lock; appends a lease
   * first when the timestamp is beyond the leases of this term. {@code appended} tells from
   * append's result whether the entry entered the log: only then may reads wait for it.
   */
  synchronized <T> T assign(
      Leadership leader, long appliedMaxTs, LongFunction<T> append, Predicate<T> appended) {
    return assign(leader, appliedMaxTs, 0, 0, append, appended);
  }

  /**
   * As {@link #assign(Leadership, long, LongFunction, Predicate)}, with a lower bound and,
   * optionally, the clock bound given: a 2PC timestamp must be {@code >= minTs}, the highest
   * prepare timestamp of its participants; {@code lockedTs > 0} replaces this leader's {@code
   * TT.now().latest}: the transaction's coordinator read it after every lock of the transaction was
   * granted, which is all Spanner's start rule asks of the clock (transactions.md §3.6).
   */
  synchronized <T> T assign(
      Leadership leader,
      long appliedMaxTs,
      long minTs,
      long lockedTs,
      LongFunction<T> append,
      Predicate<T> appended) {
    enterTerm(leader);
    long floor = Math.max(Math.max(lastAssigned, readFloor), Math.max(appliedMaxTs, leaseFloor));
    long clockBound = lockedTs > 0 ? lockedTs : clock.now().latest();
    long ts = Math.max(Math.max(floor + 1, clockBound), minTs);
    cover(ts, leader);
    lastAssigned = ts;
    T result = append.apply(ts);
    if (appended.test(result)) {
      lastAppended = ts;
    }
    return result;
  }

  /**
   * Appends an entry at a timestamp chosen elsewhere ({@code ts}; 0 = the entry has none): a 2PC
   * participant's resolve at the coordinator's commit timestamp. Under the lock, like {@link
   * #assign}, so later timestamps of this leader are above {@code ts}; a lease covers it first.
   */
  synchronized <T> T admit(
      Leadership leader, long ts, LongFunction<T> append, Predicate<T> appended) {
    enterTerm(leader);
    if (ts > 0) {
      cover(ts, leader);
      lastAssigned = Math.max(lastAssigned, ts);
    }
    T result = append.apply(ts);
    if (ts > 0 && appended.test(result)) {
      lastAppended = Math.max(lastAppended, ts);
    }
    return result;
  }

  /**
   * Registers a leader read and returns what it must wait for. {@code requestedTs == 0} reads
   * "now": every write assigned so far. A read at an explicit timestamp raises the floor of later
   * writes and waits for a lease covering it.
   */
  synchronized ReadPoint beginLeaderRead(Leadership leader, long requestedTs) {
    if (requestedTs < 0) {
      throw new CesiumException(ErrorCode.INVALID_ARGUMENT, "negative read_ts " + requestedTs);
    }
    enterTerm(leader);
    if (requestedTs == 0) {
      return new ReadPoint(0, lastAppended, 0);
    }
    long limit = clock.now().latest() + MAX_FUTURE_READ_MICROS;
    if (requestedTs > limit) {
      throw new CesiumException(
          ErrorCode.INVALID_ARGUMENT, "read_ts " + requestedTs + " is beyond now + 10 s");
    }
    readFloor = Math.max(readFloor, requestedTs);
    cover(requestedTs, leader);
    return new ReadPoint(requestedTs, Math.min(requestedTs, lastAppended), requestedTs);
  }

  /** First use in a term: everything earlier leaders leased is below this leader's timestamps. */
  private void enterTerm(Leadership leader) {
    if (leader.term() != term) {
      term = leader.term();
      leaseFloor = Math.max(leaseFloor, leader.appliedLeaseUpto());
      leasedUpto = 0;
    }
  }

  /** Appends a lease reaching {@link #WINDOW_MICROS} beyond {@code ts} unless one covers it. */
  private void cover(long ts, Leadership leader) {
    if (ts > leasedUpto) {
      leasedUpto = ts + WINDOW_MICROS;
      leader.appendLease().accept(leasedUpto);
    }
  }

  synchronized long lastAssigned() {
    return lastAssigned;
  }

  /**
   * Where a leader read is served.
   *
   * @param requestedTs the timestamp asked for, 0 for "now"
   * @param waitTarget the applied max timestamp to wait for: every write with a timestamp at or
   *     below the read's that entered the log before the read arrived
   * @param leaseTarget the applied lease bound to wait for (0 = none)
   */
  record ReadPoint(long requestedTs, long waitTarget, long leaseTarget) {
    /** The timestamp the read is served at, once the wait is over. */
    long readTs(long appliedMaxTs) {
      return requestedTs > 0 ? requestedTs : Math.max(waitTarget, appliedMaxTs);
    }
  }
}
