package io.cesiumdb.tablet.txn.locks;

import io.cesiumdb.common.error.CesiumException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the table knows about one transaction: its priority, its granted locks, its waiting
 * requests, whether it is prepared or wounded, and when it was last active. Guarded by the table's
 * monitor; never leaves the package.
 */
final class TxnLocks {
  /** Oldest first: smaller start timestamp, then smaller id. */
  static final Comparator<TxnLocks> OLDEST_FIRST =
      Comparator.<TxnLocks>comparingLong(t -> t.priorityTs).thenComparing(t -> t.id);

  final String id;
  final long priorityTs;
  final Map<LockSpan, HeldLock> held = new LinkedHashMap<>();
  final List<Waiter> waiters = new ArrayList<>();
  boolean prepared;
  CesiumException wound;
  private boolean activitySeen;
  private long lastActivityNanos;

  TxnLocks(String id, long priorityTs) {
    this.id = id;
    this.priorityTs = priorityTs;
  }

  boolean olderThan(TxnLocks other) {
    return OLDEST_FIRST.compare(this, other) < 0;
  }

  /** True when an older transaction that conflicts with this one may wound it. */
  boolean woundable() {
    return !prepared && wound == null;
  }

  void touch(long nowNanos) {
    if (!activitySeen || nowNanos - lastActivityNanos > 0) {
      lastActivityNanos = nowNanos;
    }
    activitySeen = true;
  }

  /** True when idle for at least {@code timeoutNanos}; the first call only starts the clock. */
  boolean idleFor(long nowNanos, long timeoutNanos) {
    if (!activitySeen) {
      touch(nowNanos);
      return false;
    }
    return nowNanos - lastActivityNanos >= timeoutNanos;
  }

  @Override
  public String toString() {
    return id + "@" + priorityTs;
  }
}
