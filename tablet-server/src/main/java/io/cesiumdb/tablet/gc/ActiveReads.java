package io.cesiumdb.tablet.gc;

import java.util.Comparator;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The reads running at one replica, by read timestamp, so the GC horizon never passes a read still
 * in flight here (docs/design/transactions.md §6: {@code h <= oldest active read ts}).
 *
 * <p>Hot path: a read calls {@link #register} once and closes the registration once; both are one
 * lock-free skip-list operation (O(log n) in the number of running reads). {@link #oldest} is the
 * first element, O(1). Thread-safe.
 *
 * <p>HAZARD: a read that registers after the GC driver called {@link #oldest} is not covered by the
 * horizon the driver is about to propose. Such a read is safe only if it checks its ts against the
 * applied horizon consistently with its data (for example on the same {@code MvccSnapshot}, or by
 * re-checking the applied horizon after reading) and fails with TXN_SNAPSHOT_TOO_OLD otherwise.
 */
public final class ActiveReads {
  private static final Comparator<Registration> ORDER =
      Comparator.comparingLong(Registration::readTs).thenComparingLong(r -> r.seq);

  private final ConcurrentSkipListMap<Registration, Boolean> running =
      new ConcurrentSkipListMap<>(ORDER);
  private final AtomicLong nextSeq = new AtomicLong();

  /** Registers a read at {@code readTs} until the returned registration is closed. */
  public Registration register(long readTs) {
    if (readTs < 0) {
      throw new IllegalArgumentException("read ts must be >= 0: " + readTs);
    }
    Registration registration = new Registration(this, readTs, nextSeq.getAndIncrement());
    running.put(registration, Boolean.TRUE);
    return registration;
  }

  /** Returns the smallest read ts registered and not yet closed, or empty if no read runs. */
  public OptionalLong oldest() {
    Map.Entry<Registration, Boolean> first = running.firstEntry();
    return first == null ? OptionalLong.empty() : OptionalLong.of(first.getKey().readTs());
  }

  /** Returns the number of running reads (a metric; O(n)). */
  public int size() {
    return running.size();
  }

  /** One running read; closing it (once or more) unregisters it. Use in try-with-resources. */
  public static final class Registration implements AutoCloseable {
    private final ActiveReads owner;
    private final long readTs;
    private final long seq;

    private Registration(ActiveReads owner, long readTs, long seq) {
      this.owner = owner;
      this.readTs = readTs;
      this.seq = seq;
    }

    /** Returns the read timestamp this registration holds the horizon at or below. */
    public long readTs() {
      return readTs;
    }

    /** Unregisters the read. Idempotent. */
    @Override
    public void close() {
      owner.running.remove(this);
    }
  }
}
