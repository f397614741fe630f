package io.cesiumdb.txn.rw;

import com.google.protobuf.ByteString;
import io.cesiumdb.proto.tablet.TabletDescriptor;
import io.cesiumdb.txn.routing.KeyRouter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tablets a transaction has read from: their leaders hold its shared locks, so they must be
 * kept alive ({@code TouchTxn}) and released ({@code AbortTxn}) unless the commit releases them.
 * Each is remembered with a key inside it, so messages to it are routed by key and survive leader
 * changes and splits like every key-addressed request.
 *
 * <p>Thread-safe: filled by the router's callback threads (via {@link #served}) and read by the
 * keepalive thread.
 */
final class Participants {
  private static final Logger LOG = LoggerFactory.getLogger(Participants.class);

  /**
   * A participant tablet: where it is, a key that routes to it, and the leader term its first read
   * was locked under (its locks live as long as that term).
   */
  record Participant(long keyspace, long tabletId, ByteString routingKey, long readTerm) {}

  private final Map<Long, Participant> byTablet = new ConcurrentHashMap<>();
  private final AtomicLong lastReadTs = new AtomicLong();
  private volatile boolean locksLost;

  /**
   * Records that {@code tablet} served a read of {@code key} at {@code readTs} under the lock table
   * of leader term {@code txnTerm}. A later read answered under another term means the locks of the
   * earlier ones died with a leader change ({@link #locksLost}); so does a read answered without a
   * term (0): the commit takes 0 for "read nothing there" and would not check the locks at all.
   */
  void served(long keyspace, TabletDescriptor tablet, ByteString key, long readTs, long txnTerm) {
    Participant first =
        byTablet.putIfAbsent(
            tablet.getTabletId(), new Participant(keyspace, tablet.getTabletId(), key, txnTerm));
    if (txnTerm == 0 || (first != null && first.readTerm() != txnTerm)) {
      locksLost = true;
    }
    lastReadTs.accumulateAndGet(readTs, Math::max);
  }

  /** True once two reads at one tablet were locked under different leader terms. */
  boolean locksLost() {
    return locksLost;
  }

  /** The leader term of the first read at {@code tabletId}, or 0 if the txn read nothing there. */
  long readTermOf(long tabletId) {
    Participant p = byTablet.get(tabletId);
    return p == null ? 0 : p.readTerm();
  }

  List<Participant> all() {
    return new ArrayList<>(byTablet.values());
  }

  Set<Long> tabletIds() {
    return Set.copyOf(byTablet.keySet());
  }

  /** The latest timestamp any read of the transaction was served at, or 0. */
  long lastReadTs() {
    return lastReadTs.get();
  }

  /**
   * Sends {@code AbortTxn} to each of {@code targets} and waits for every answer. Best effort: a
   * failure is logged, never thrown (the leader's idle timeout releases the locks anyway).
   */
  static void release(KeyRouter router, String txnId, List<Participant> targets) {
    List<CompletableFuture<?>> calls = new ArrayList<>();
    LOG.debug("txn {}: releasing {}", txnId, targets);
    for (Participant p : targets) {
      calls.add(
          router
              .abortTxn(p.keyspace(), p.routingKey(), txnId)
              .whenComplete(
                  (r, t) -> {
                    if (t != null) {
                      LOG.warn(
                          "AbortTxn {} at tablet {} failed; its leader's idle timeout will"
                              + " release the locks: {}",
                          txnId,
                          Long.toUnsignedString(p.tabletId()),
                          t.getMessage());
                    }
                  }));
    }
    CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new))
        .exceptionally(t -> null)
        .join();
  }
}
