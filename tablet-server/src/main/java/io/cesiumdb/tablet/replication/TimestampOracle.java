package io.cesiumdb.tablet.replication;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.truetime.TrueTime;
import java.util.function.LongFunction;
import java.util.function.Predicate;

/**
 * Assigns commit timestamps to a tablet's writes at its leader, so that timestamps increase
 * strictly in Raft log order, and tracks the leader-read floor (docs/design/replication.md
 * "Timestamps and log order").
 *
 * <p>{@link #assign} holds this object's lock while it picks {@code ts = max(lastAssigned + 1,
 * readFloor + 1, appliedMaxTs + 1, TT.now().latest)} AND while the caller appends the entry to the
 * Raft log: Ratis' {@code submitClientRequestAsync} appends synchronously (startTransaction and the
 * log append run on the calling thread, under the division's lock) and only replication is
 * asynchronous. So two writers can never append in the opposite order of their timestamps.
 *
 * <p>{@code appliedMaxTs} covers leader changes: a new leader serves writes only once it is ready
 * (every entry of earlier terms applied), so its first timestamp is above every applied one. {@code
 * readFloor} is the highest timestamp a leader read was served at: later writes get larger
 * timestamps, so a read at t stays repeatable. TODO(#5): the floor is not handed to the next
 * leader; leader leases with disjointness close that gap.
 *
 * <p>Lock order: this lock is taken before the Ratis division's lock, never inside a Ratis
 * callback.
 */
final class TimestampOracle {
  /** How far beyond TT.now().latest a leader read may ask for: 10 s. */
  static final long MAX_FUTURE_READ_MICROS = 10_000_000L;

  private final TrueTime clock;
  private long lastAssigned;
  private long lastAppended;
  private long readFloor;

  TimestampOracle(TrueTime clock) {
    this.clock = clock;
  }

  /**
   * Picks the next timestamp and calls {@code append} with it, both under the lock. {@code
   * appended} tells from append's result whether the entry entered the log: only then may reads
   * wait for the timestamp to be applied (an append Ratis refused never will be).
   */
  synchronized <T> T assign(long appliedMaxTs, LongFunction<T> append, Predicate<T> appended) {
    long floor = Math.max(Math.max(lastAssigned, readFloor), appliedMaxTs);
    long ts = Math.max(floor + 1, clock.now().latest());
    lastAssigned = ts;
    T result = append.apply(ts);
    if (appended.test(result)) {
      lastAppended = ts;
    }
    return result;
  }

  /**
   * Registers a leader read and returns what it must wait for. {@code requestedTs == 0} reads
   * "now": every write assigned so far.
   */
  synchronized ReadPoint beginLeaderRead(long requestedTs) {
    if (requestedTs < 0) {
      throw new CesiumException(ErrorCode.INVALID_ARGUMENT, "negative read_ts " + requestedTs);
    }
    if (requestedTs == 0) {
      return new ReadPoint(0, lastAppended);
    }
    long limit = clock.now().latest() + MAX_FUTURE_READ_MICROS;
    if (requestedTs > limit) {
      throw new CesiumException(
          ErrorCode.INVALID_ARGUMENT, "read_ts " + requestedTs + " is beyond now + 10 s");
    }
    readFloor = Math.max(readFloor, requestedTs);
    return new ReadPoint(requestedTs, Math.min(requestedTs, lastAppended));
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
   */
  record ReadPoint(long requestedTs, long waitTarget) {
    /** The timestamp the read is served at, once the wait is over. */
    long readTs(long appliedMaxTs) {
      return requestedTs > 0 ? requestedTs : Math.max(waitTarget, appliedMaxTs);
    }
  }
}
