package io.cesiumdb.tablet.replication;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What a replica counts since it started: snapshots taken and installed, timestamp regressions. */
final class ReplicaCounters {
  private static final Logger LOG = LoggerFactory.getLogger(ReplicaCounters.class);

  private final long tabletId;
  private final LongSupplier appliedMaxTs;
  private final AtomicLong snapshotsTaken = new AtomicLong();
  private final AtomicLong snapshotInstalls = new AtomicLong();
  private final AtomicLong timestampRegressions = new AtomicLong();
  private final AtomicLong commitWaitNanos = new AtomicLong();

  ReplicaCounters(long tabletId, LongSupplier appliedMaxTs) {
    this.tabletId = tabletId;
    this.appliedMaxTs = appliedMaxTs;
  }

  void snapshotTaken() {
    snapshotsTaken.incrementAndGet();
  }

  void snapshotInstalled() {
    snapshotInstalls.incrementAndGet();
  }

  /** An applied commit timestamp was not above the applied max: the log-order invariant broke. */
  void timestampRegression(long ts) {
    timestampRegressions.incrementAndGet();
    LOG.error(
        "Tablet {}: commit ts {} not above applied max ts {}",
        tabletId,
        ts,
        appliedMaxTs.getAsLong());
  }

  /** Time the apply thread spent in commit wait (entries whose timestamp had not yet passed). */
  void commitWaited(long nanos) {
    commitWaitNanos.addAndGet(nanos);
  }

  long commitWaitNanos() {
    return commitWaitNanos.get();
  }

  long snapshotsTaken() {
    return snapshotsTaken.get();
  }

  long snapshotInstalls() {
    return snapshotInstalls.get();
  }

  long timestampRegressions() {
    return timestampRegressions.get();
  }
}
